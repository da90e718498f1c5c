import type { Lang } from './lang'

/** The assisted quotes page of the console, in Chinese and English. */
export const consoleAssistedQuotesText: Record<
  Lang,
  {
    title: string
    intro: string
    /** How far X may be set, as the price book's band says it (e.g. "±30%"), per offering. */
    band: (offering: string, band: string) => string
    form: {
      heading: string
      offering: string
      chooseOffering: string
      building: string
      company: string
      creditCode: string
      contact: string
      email: string
      emailHint: string
      lang: string
      plan: string
      term: string
      months: (count: number) => string
      status: string
      statuses: { new: string; existing: string }
      prior: (month: number) => string
      priorHint: string
      current: string
      items: string
      usage: string
      usageNames: Record<'local_voice' | 'long_distance' | 'mobile', string>
      x: string
      xHint: string
      reason: string
      reasonHint: string
      submit: string
    }
    list: { heading: string; none: string; company: string; building: string; x: string; by: string; monthly: string; proposal: string; open: string; expires: string }
    declaredToAgreed: (declared: string, agreed: string) => string
    /** On the proposal, for signed-in staff only: who set X, from what, and why. */
    proposalNote: { heading: string; setBy: (name: string, at: string) => string; reason: string }
    done: Record<string, string>
    langs: Record<Lang, string>
  }
> = {
  zh: {
    title: '协商报价',
    intro: '为楼宇内的企业制作报价：按客户申报的近 3 个月通信费计算月均，再在价目表允许的浮动范围内与客户商定 X，并写明理由。报价链接会通过邮件发送给客户。',
    band: (offering, band) => `${offering}：X 可在申报月均的${band}以内商定（价目表规定）。`,
    form: {
      heading: '制作报价',
      offering: '方案',
      chooseOffering: '切换方案',
      building: '楼宇',
      company: '公司名称',
      creditCode: '统一社会信用代码',
      contact: '联系人',
      email: '联系人邮箱',
      emailHint: '报价链接将发送到这个邮箱。',
      lang: '邮件和报价语言',
      plan: '计划',
      term: '合约期',
      months: (count) => `${count} 个月`,
      status: '客户类型',
      statuses: { new: '新客户', existing: '老客户' },
      prior: (month) => `近 3 个月通信费 · 第 ${month} 个月（元，所有运营商合计）`,
      priorHint: '例如三家运营商每月 3,000 + 5,000 + 3,000，则每个月填 11,000。',
      current: '当前每月通信费（元，可选，用于计算节省）',
      items: '附加业务（数量，可为 0）',
      usage: '预计每月使用量（元，按标准资费）',
      usageNames: { local_voice: '本地通话', long_distance: '长途通话', mobile: '手机通话' },
      x: '商定的 X（元/月）',
      xHint: '必须在申报月均的允许浮动范围内，否则不能保存。',
      reason: '商定理由',
      reasonHint: '会记录在报价上，仅员工可见。',
      submit: '保存报价并发送给客户',
    },
    list: { heading: '最近的协商报价', none: '还没有协商报价。', company: '公司', building: '楼宇', x: 'X', by: '商定人与理由', monthly: '首月账单', proposal: '建议书', open: '打开', expires: '有效期至' },
    declaredToAgreed: (declared, agreed) => `申报 ${declared} → 商定 ${agreed}`,
    proposalNote: { heading: '员工可见：协商的 X', setBy: (name, at) => `由 ${name} 于 ${at} 商定`, reason: '理由' },
    done: { quote_sent: '报价已保存，建议书链接已发送给客户，见下方列表第一行。' },
    langs: { zh: '中文', en: 'English' },
  },
  en: {
    title: 'Assisted quotes',
    intro: 'Make a quote for a company in one of your buildings: the declared spend of the last 3 months gives the average, and you agree X with the customer within the band the price book allows, stating why. The quote’s link is e-mailed to the customer.',
    band: (offering, band) => `${offering}: X may be agreed within ${band} of the declared average (price book).`,
    form: {
      heading: 'Make a quote',
      offering: 'Plan',
      chooseOffering: 'Switch plan',
      building: 'Building',
      company: 'Company name',
      creditCode: 'Unified social credit code',
      contact: 'Contact name',
      email: 'Contact’s e-mail',
      emailHint: 'The quote’s link is sent to this address.',
      lang: 'Language of the e-mail and quote',
      plan: 'Option',
      term: 'Contract term',
      months: (count) => `${count} months`,
      status: 'Customer',
      statuses: { new: 'New customer', existing: 'Existing customer' },
      prior: (month) => `Spend of the last 3 months · month ${month} (yuan, all carriers together)`,
      priorHint: 'E.g. three carriers at 3,000 + 5,000 + 3,000 a month: enter 11,000 for each month.',
      current: 'Current monthly spend (yuan, optional, for the savings)',
      items: 'Add-on services (counts, may be 0)',
      usage: 'Expected monthly usage (yuan at standard tariffs)',
      usageNames: { local_voice: 'Local calls', long_distance: 'Long-distance calls', mobile: 'Mobile usage' },
      x: 'Agreed X (yuan a month)',
      xHint: 'It must lie within the allowed band around the declared average, or it is not saved.',
      reason: 'Why this X',
      reasonHint: 'Recorded with the quote, seen by staff only.',
      submit: 'Save the quote and send it to the customer',
    },
    list: { heading: 'Recent assisted quotes', none: 'No assisted quotes yet.', company: 'Company', building: 'Building', x: 'X', by: 'Agreed by, and why', monthly: 'First bill', proposal: 'Proposal', open: 'Open', expires: 'Valid until' },
    declaredToAgreed: (declared, agreed) => `declared ${declared} → agreed ${agreed}`,
    proposalNote: { heading: 'Staff only: X agreed by hand', setBy: (name, at) => `Agreed by ${name} on ${at}`, reason: 'Why' },
    done: { quote_sent: 'The quote is saved and its link sent to the customer: it is the first row below.' },
    langs: { zh: '中文', en: 'English' },
  },
}
