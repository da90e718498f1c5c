import type { OfferCodeListState } from '../../server/repositories/offer-codes-repository'
import type { Lang } from './lang'

/** The win-back codes page of the console, in Chinese and English. */
export const consoleOfferCodesText: Record<
  Lang,
  {
    title: string
    intro: string
    issue: {
      heading: string
      company: string
      creditCode: string
      creditCodeHint: string
      building: string
      offering: string
      expiresOn: string
      expiresOnHint: (days: number) => string
      email: string
      emailHint: string
      lang: string
      submit: string
    }
    filters: { legend: string; state: string; building: string; search: string; searchHint: string; any: string; apply: string; reset: string }
    columns: { code: string; company: string; building: string; state: string; issued: string; expires: string; actions: string }
    states: Record<OfferCodeListState, string>
    usedBy: string
    mailedTo: string
    revokedBecause: string
    revoke: { reason: string; submit: string }
    none: string
    next: string
    done: Record<string, string>
    langs: Record<Lang, string>
    /** What is wrong with the field a refusal names (the form comes back as typed). */
    problems: { companyName: string; creditCode: string; buildingId: string; offering: string; expiresOn: (days: number) => string; email: string }
  }
> = {
  zh: {
    title: '回归优惠码',
    intro: '为流失客户发放一次性优惠码：仅限指定公司（统一社会信用代码）在指定楼宇使用，下单一次即失效，到期自动作废。',
    issue: {
      heading: '发放优惠码',
      company: '公司名称',
      creditCode: '统一社会信用代码',
      creditCodeHint: '18 位，系统会校验最后一位校验码。',
      building: '楼宇',
      offering: '回归套餐',
      expiresOn: '最后可用日期',
      expiresOnHint: (days) => `当天 24:00（北京时间）失效，最长 ${days} 天。`,
      email: '客户联系人邮箱（可选）',
      emailHint: '填写后系统会把优惠码和使用链接发送到该邮箱。',
      lang: '邮件语言',
      submit: '发放优惠码',
    },
    filters: { legend: '筛选', state: '状态', building: '楼宇', search: '搜索', searchHint: '优惠码、公司名称或信用代码', any: '全部', apply: '筛选', reset: '清除筛选' },
    columns: { code: '优惠码', company: '公司', building: '楼宇', state: '状态', issued: '发放', expires: '最后可用日', actions: '操作' },
    states: { sent: '已发放', used: '已使用', expired: '已过期', revoked: '已撤回' },
    usedBy: '订单',
    mailedTo: '已发送至',
    revokedBecause: '撤回原因',
    revoke: { reason: '撤回原因', submit: '撤回优惠码' },
    none: '没有符合条件的优惠码。',
    next: '下一页',
    done: { code_issued: '优惠码已发放，见列表第一行。', code_revoked: '优惠码已撤回，客户将无法再使用。' },
    langs: { zh: '中文', en: 'English' },
    problems: {
      companyName: '请填写公司名称（最多 100 个字）。',
      creditCode: '统一社会信用代码为 18 位，最后一位是校验码，这个代码校验不通过。请对照营业执照核对。',
      buildingId: '请选择您负责的楼宇。',
      offering: '请选择回归套餐。',
      expiresOn: (days) => `最后可用日期须在今天至 ${days} 天之内。`,
      email: '请填写有效的邮箱，如 name@company.com，或留空。',
    },
  },
  en: {
    title: 'Win-back codes',
    intro: 'Single-use offer codes for customers who left: usable only by the company named (its unified social credit code) at the building named, for one order, until the code expires.',
    issue: {
      heading: 'Issue a code',
      company: 'Company name',
      creditCode: 'Unified social credit code',
      creditCodeHint: '18 characters; the check character is verified.',
      building: 'Building',
      offering: 'Win-back offer',
      expiresOn: 'Last day it can be used',
      expiresOnHint: (days) => `It stops working at midnight (Beijing time) that day; ${days} days at most.`,
      email: 'Contact’s e-mail (optional)',
      emailHint: 'When given, the code and a link to use it are e-mailed to this address.',
      lang: 'Language of the e-mail',
      submit: 'Issue code',
    },
    filters: { legend: 'Filters', state: 'State', building: 'Building', search: 'Search', searchHint: 'Code, company name or credit code', any: 'Any', apply: 'Filter', reset: 'Clear filters' },
    columns: { code: 'Code', company: 'Company', building: 'Building', state: 'State', issued: 'Issued', expires: 'Last day', actions: 'Actions' },
    states: { sent: 'Sent', used: 'Used', expired: 'Expired', revoked: 'Revoked' },
    usedBy: 'Order',
    mailedTo: 'Mailed to',
    revokedBecause: 'Reason',
    revoke: { reason: 'Why it is revoked', submit: 'Revoke code' },
    none: 'No codes match.',
    next: 'Next page',
    done: { code_issued: 'The code is issued: it is the first row below.', code_revoked: 'The code is revoked; the customer can no longer use it.' },
    langs: { zh: '中文', en: 'English' },
    problems: {
      companyName: 'Enter the company name (at most 100 characters).',
      creditCode: 'The unified social credit code is 18 characters whose last one checks the others: this one does not. Check it against the business licence.',
      buildingId: 'Choose one of your buildings.',
      offering: 'Choose one of the win-back bundles.',
      expiresOn: (days) => `The last day must be between today and ${days} days from now.`,
      email: 'Enter an e-mail address such as name@company.com, or leave it empty.',
    },
  },
}
