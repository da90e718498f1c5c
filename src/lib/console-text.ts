import type { StaffRole } from '../../server/domain/staff-roles'
import type { ConsoleSection } from './console-sections'
import type { Lang } from './lang'

/** Every word of the staff console, in Chinese and English. */
export const consoleText: Record<
  Lang,
  {
    title: string
    nav: string
    sections: Record<ConsoleSection, string>
    comingSoon: string
    roles: Record<StaffRole, string>
    signedInAs: string
    signOut: string
    switchLanguage: string
    signIn: { title: string; email: string; password: string; submit: string; signedOut: string; expired: string; intro: string }
    home: { title: string; welcome: (name: string) => string; yourRoles: string; yourBuildings: (count: number | 'all') => string; sections: string }
    forbidden: { title: string; body: string; home: string }
    notFound: { title: string; body: string; home: string }
    users: {
      title: string
      list: string
      email: string
      name: string
      roles: string
      manager: string
      noManager: string
      status: string
      active: string
      disabled: string
      actions: string
      create: string
      createSubmit: string
      password: string
      passwordHint: string
      saveRoles: string
      disable: string
      enable: string
      resetPassword: string
      resetSubmit: string
      done: Record<string, string>
      /** Why a form was refused, by the field the refusal names. */
      problems: Record<string, string>
    }
  }
> = {
  zh: {
    title: '运营后台',
    nav: '后台导航',
    sections: { orders: '订单', leads: '线索', buildings: '楼宇', offerCodes: '回归优惠码', assistedQuotes: '协商报价', emailVisits: '邮件拜访', campaigns: '推广活动', catalog: '价目管理', users: '员工账号' },
    comingSoon: '（即将推出）',
    roles: { admin: '管理员', ops: '运营', manager: '楼宇经理', marketing: '市场', approver: '审批' },
    signedInAs: '已登录：',
    signOut: '退出登录',
    switchLanguage: 'English',
    signIn: { title: '登录运营后台', email: '工作邮箱', password: '密码', submit: '登录', signedOut: '您已退出登录。', expired: '登录已过期，刚才提交的内容没有保存。请重新登录后再操作一次。', intro: '仅限员工使用。账号由管理员开通。' },
    home: {
      title: '运营后台首页',
      welcome: (name) => `您好，${name}`,
      yourRoles: '您的角色',
      yourBuildings: (count) => (count === 'all' ? '可查看全部楼宇' : count === 0 ? '不负责具体楼宇' : `负责 ${count} 栋楼宇`),
      sections: '您可以使用的功能',
    },
    forbidden: { title: '没有权限', body: '您的账号没有查看这个页面的权限。如需开通，请联系管理员。', home: '返回后台首页' },
    notFound: { title: '没有找到', body: '没有这条记录，或它不在您负责的楼宇范围内。请核对链接或编号。', home: '返回后台首页' },
    users: {
      title: '员工账号',
      list: '全部账号',
      email: '邮箱',
      name: '姓名',
      roles: '角色',
      manager: '对应楼宇经理（楼宇经理角色必填）',
      noManager: '无',
      status: '状态',
      active: '正常',
      disabled: '已停用',
      actions: '操作',
      create: '开通新账号',
      createSubmit: '开通账号',
      password: '初始密码',
      passwordHint: '已随机生成，请记下并当面或电话转交本人；也可以改成自己设定的密码（至少 15 个字符）。',
      saveRoles: '保存角色',
      disable: '停用（立即下线）',
      enable: '恢复使用',
      resetPassword: '新密码',
      resetSubmit: '重置密码（立即下线）',
      done: {
        user_created: '账号已开通。',
        user_changed: '已保存。',
        password_reset: '密码已重置，该员工需用新密码重新登录。',
      },
      problems: {
        email: '请填写有效的邮箱地址。',
        displayName: '请填写姓名：1 到 80 个字，不能含控制字符。',
        roles: '请至少选择一个角色。',
        managerId: '请从列表中选择楼宇经理。',
        password: '密码至少 15 个字符。',
      },
    },
  },
  en: {
    title: 'Staff console',
    nav: 'Console',
    sections: { orders: 'Orders', leads: 'Leads', buildings: 'Buildings', offerCodes: 'Win-back codes', assistedQuotes: 'Assisted quotes', emailVisits: 'E-mail visits', campaigns: 'Campaigns', catalog: 'Price book', users: 'Staff accounts' },
    comingSoon: ' (coming soon)',
    roles: { admin: 'Admin', ops: 'Operations', manager: 'Building manager', marketing: 'Marketing', approver: 'Approver' },
    signedInAs: 'Signed in as ',
    signOut: 'Sign out',
    switchLanguage: '中文',
    signIn: { title: 'Sign in to the staff console', email: 'Work e-mail', password: 'Password', submit: 'Sign in', signedOut: 'You have signed out.', expired: 'Your session had ended, so what you just submitted was not saved. Sign in and do it again.', intro: 'For staff only. Accounts are opened by an admin.' },
    home: {
      title: 'Staff console',
      welcome: (name) => `Hello, ${name}`,
      yourRoles: 'Your roles',
      yourBuildings: (count) => (count === 'all' ? 'You see every building' : count === 0 ? 'No buildings of your own' : `You look after ${count} building${count === 1 ? '' : 's'}`),
      sections: 'What you can use',
    },
    forbidden: { title: 'Not allowed', body: 'Your account may not see this page. Ask an admin if you need it.', home: 'Back to the console' },
    notFound: { title: 'Not found', body: 'There is no such record, or it is not in the buildings you look after. Check the link or the number.', home: 'Back to the console' },
    users: {
      title: 'Staff accounts',
      list: 'All accounts',
      email: 'E-mail',
      name: 'Name',
      roles: 'Roles',
      manager: 'Building manager (required for the building manager role)',
      noManager: 'None',
      status: 'Status',
      active: 'Active',
      disabled: 'Disabled',
      actions: 'Actions',
      create: 'Open an account',
      createSubmit: 'Open account',
      password: 'Initial password',
      passwordHint: 'Generated at random: note it and hand it over in person or by phone, or type one of your own (at least 15 characters).',
      saveRoles: 'Save roles',
      disable: 'Disable (signs them out)',
      enable: 'Enable',
      resetPassword: 'New password',
      resetSubmit: 'Reset password (signs them out)',
      done: {
        user_created: 'The account is open.',
        user_changed: 'Saved.',
        password_reset: 'The password is reset; they must sign in again with the new one.',
      },
      problems: {
        email: 'Please give a valid e-mail address.',
        displayName: 'Please give a name: 1 to 80 characters, no control characters.',
        roles: 'Please choose at least one role.',
        managerId: 'Please choose a building manager from the list.',
        password: 'The password must be at least 15 characters.',
      },
    },
  },
}
