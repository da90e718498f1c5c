import type { RecipientStatus } from '../../server/repositories/email-visits-repository'
import type { TenantLeadState } from '../../server/schemas/console-email-visits'
import type { Lang } from './lang'

/** The e-mail visits page of the console and the public unsubscribe page, in Chinese and English. */
export const consoleEmailVisitsText: Record<
  Lang,
  {
    title: string
    intro: string
    compose: {
      heading: string
      audience: string
      building: string
      anyBuilding: string
      sizeMin: string
      sizeMax: string
      carrier: string
      carrierHint: string
      leadState: string
      anyLeadState: string
      leadStates: Record<TenantLeadState, string>
      template: string
      bundles: string
      lang: string
      preview: string
    }
    preview: {
      heading: string
      counts: (picked: number, mailable: number, noEmail: number, unsubscribed: number) => string
      tooMany: (max: number) => string
      none: string
      sampleTo: string
      subject: string
      chooseTemplate: string
    }
    send: { heading: string; utmCampaign: string; utmCampaignHint: string; sendAt: string; sendAtHint: string; submit: string }
    cancel: { button: string; confirm: string }
    detail: { title: string; back: string; recipients: string; open: string; firstClick: string; columns: { company: string; email: string; status: string; clicks: string } }
    list: { heading: string; none: string; queued: (count: number) => string; cancelled: (count: number) => string; columns: { created: string; sendAt: string; template: string; campaign: string; sent: string; skipped: string; clicked: string; leads: string; orders: string; actions: string } }
    statuses: Record<RecipientStatus, string>
    done: Record<string, string>
    problems: Record<string, string>
    langs: Record<Lang, string>
    unsubscribe: { title: string; intro: string; button: string; done: string; notFound: string }
  }
> = {
  zh: {
    title: '邮件拜访',
    intro: '向您负责楼宇的租户企业发送个性化邮件：选择租户、模板和套餐，设定发送时间。邮件按限速从发件队列发出，每封都带一键退订；不统计打开，只统计链接点击，点击后留下的线索和订单计入本次拜访。',
    compose: {
      heading: '选择收件企业和内容',
      audience: '收件企业',
      building: '楼宇',
      anyBuilding: '我负责的全部楼宇',
      sizeMin: '员工人数不少于',
      sizeMax: '员工人数不多于',
      carrier: '现有运营商',
      carrierHint: '例如 中国联通（写 联通、China Unicom 也可）。',
      leadState: '线索状态',
      anyLeadState: '不限',
      leadStates: { none: '尚无线索', open: '有跟进中的线索', won: '已成交', lost: '已流失' },
      template: '邮件模板',
      bundles: '推荐套餐（可多选）',
      lang: '邮件语言',
      preview: '预览',
    },
    preview: {
      heading: '预览',
      counts: (picked, mailable, noEmail, unsubscribed) => `符合条件的企业 ${picked} 家：将发送 ${mailable} 封；无邮箱或邮箱重复 ${noEmail} 家；已退订 ${unsubscribed} 家。`,
      tooMany: (max) => `符合条件的企业超过 ${max} 家，请缩小范围。`,
      none: '没有可发送的企业。',
      sampleTo: '示例收件人',
      subject: '主题',
      chooseTemplate: '选择模板和至少一个套餐后可预览邮件内容。',
    },
    send: {
      heading: '发送',
      utmCampaign: '活动标签（utm_campaign）',
      utmCampaignHint: '字母、数字、- _ .，例如 winter-2026；与推广活动的 utm_campaign 相同（区分大小写），结果计入该活动。',
      sendAt: '发送时间（北京时间）',
      sendAtHint: '留空即立即发送。',
      submit: '安排发送',
    },
    list: {
      heading: '已安排的邮件拜访',
      none: '还没有邮件拜访。',
      queued: (count) => `（另有 ${count} 封待发送）`,
      cancelled: (count) => `（${count} 封已取消）`,
      columns: { created: '创建', sendAt: '发送时间', template: '模板', campaign: '活动标签', sent: '已发送', skipped: '已跳过', clicked: '点击（人/次）', leads: '线索', orders: '订单', actions: '操作' },
    },
    cancel: { button: '取消未发出的邮件', confirm: '确认取消' },
    detail: { title: '邮件拜访的收件企业', back: '返回邮件拜访列表', recipients: '收件企业', open: '查看收件企业', firstClick: '首次点击', columns: { company: '企业', email: '邮箱', status: '邮件', clicks: '点击次数' } },
    statuses: { queued: '待发送', sent: '已发送', skipped_unsubscribed: '已退订，跳过', skipped_no_email: '无邮箱，跳过', skipped_duplicate: '邮箱重复，跳过', skipped_cancelled: '已取消' },
    done: { visit_scheduled: '邮件拜访已安排。', visit_cancelled: '尚未发出的邮件已取消。' },
    problems: {
      recipients: '没有符合条件的企业，或企业过多，请调整筛选条件。',
      offerings: '请至少选择一个推荐套餐。',
      utmCampaign: '活动标签只能包含字母、数字、- _ .，最多 60 个字符。',
      sendAt: '发送时间须在现在到 60 天后之间（北京时间）；留空即立即发送。',
      sizeMin: '员工人数请填写 1 以上的整数。',
      sizeMax: '员工人数上限请填写整数，且不小于下限。',
      carrier: '运营商最多 40 个字。',
      template: '请选择邮件模板。',
      building: '没有找到这栋楼宇，或它不属于您负责的楼宇。',
    },
    langs: { zh: '中文', en: 'English' },
    unsubscribe: {
      title: '退订邮件',
      intro: '点击下方按钮后，我们将不再向此邮箱发送楼宇经理的推荐邮件。订单、付款等与您业务相关的通知不受影响。',
      button: '确认退订',
      done: '已退订。此邮箱不会再收到推荐邮件。',
      notFound: '这个退订链接无效。',
    },
  },
  en: {
    title: 'E-mail visits',
    intro: 'Send the tenant companies of your buildings a personal e-mail: choose the tenants, a template and the bundles, and when it goes. Mail leaves the outbox at a limited rate, each with one-click unsubscribe; opens are not tracked, only clicks on its links, and leads and orders that follow a click count for the visit.',
    compose: {
      heading: 'Recipients and content',
      audience: 'Recipients',
      building: 'Building',
      anyBuilding: 'All my buildings',
      sizeMin: 'Staff at least',
      sizeMax: 'Staff at most',
      carrier: 'Current carrier',
      carrierHint: 'E.g. 中国联通 (联通 or China Unicom also work).',
      leadState: 'Lead',
      anyLeadState: 'Any',
      leadStates: { none: 'No lead yet', open: 'An open lead', won: 'Won', lost: 'Lost' },
      template: 'Template',
      bundles: 'Bundles to offer (one or more)',
      lang: 'Language of the mail',
      preview: 'Preview',
    },
    preview: {
      heading: 'Preview',
      counts: (picked, mailable, noEmail, unsubscribed) => `${picked} companies match: ${mailable} mails will go; ${noEmail} without an address of their own; ${unsubscribed} unsubscribed.`,
      tooMany: (max) => `More than ${max} companies match; narrow the filters.`,
      none: 'There is nobody to mail.',
      sampleTo: 'Sample recipient',
      subject: 'Subject',
      chooseTemplate: 'Choose a template and at least one bundle to see the mail.',
    },
    send: {
      heading: 'Send',
      utmCampaign: 'Campaign tag (utm_campaign)',
      utmCampaignHint: 'Letters, digits, - _ and ., e.g. winter-2026; the same as a campaign’s utm_campaign (case counts) and the campaign counts the visit.',
      sendAt: 'Send at (Beijing time)',
      sendAtHint: 'Leave empty to send now.',
      submit: 'Schedule',
    },
    list: {
      heading: 'Scheduled e-mail visits',
      none: 'No e-mail visits yet.',
      queued: (count) => ` (+${count} queued)`,
      cancelled: (count) => ` (${count} cancelled)`,
      columns: { created: 'Created', sendAt: 'Sends at', template: 'Template', campaign: 'Campaign tag', sent: 'Sent', skipped: 'Skipped', clicked: 'Clicks (people/total)', leads: 'Leads', orders: 'Orders', actions: 'Actions' },
    },
    cancel: { button: 'Cancel the mails not yet sent', confirm: 'Yes, cancel them' },
    detail: { title: 'Recipients of an e-mail visit', back: 'Back to e-mail visits', recipients: 'Recipients', open: 'See the recipients', firstClick: 'first', columns: { company: 'Company', email: 'Address', status: 'Mail', clicks: 'Clicks' } },
    statuses: { queued: 'Queued', sent: 'Sent', skipped_unsubscribed: 'Unsubscribed, skipped', skipped_no_email: 'No address, skipped', skipped_duplicate: 'Same address as another, skipped', skipped_cancelled: 'Cancelled' },
    done: { visit_scheduled: 'The e-mail visit is scheduled.', visit_cancelled: 'The mails not yet sent are cancelled.' },
    problems: {
      recipients: 'No company matches, or too many do: change the filters.',
      offerings: 'Choose at least one bundle.',
      utmCampaign: 'A campaign tag has only letters, digits, - _ and ., at most 60 characters.',
      sendAt: 'A send time runs from now to 60 days ahead (Beijing time); leave it empty to send now.',
      sizeMin: 'Give the staff count as a whole number of at least 1.',
      sizeMax: 'Give the largest staff count as a whole number, no smaller than the smallest.',
      carrier: 'A carrier has at most 40 characters.',
      template: 'Choose a template.',
      building: 'We could not find that building, or it is not one of yours.',
    },
    langs: { zh: '中文', en: 'English' },
    unsubscribe: {
      title: 'Unsubscribe',
      intro: 'Press the button below and we will stop sending this address offers from building managers. Notices about your orders and payments are not affected.',
      button: 'Unsubscribe',
      done: 'You are unsubscribed. This address will get no more offers.',
      notFound: 'This unsubscribe link is not valid.',
    },
  },
}
