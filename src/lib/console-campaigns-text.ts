import type { ErrorCode } from '../../server/errors'
import { errorText } from './error-messages'
import type { Lang } from './lang'

interface CampaignsText {
  title: string
  intro: string
  create: string
  none: string
  columns: { name: string; channel: string; days: string; utm: string; buildings: string }
  form: {
    newTitle: string; editTitle: string; name: string; channel: string; utmCampaign: string; utmHint: string; offerings: string; buildings: string; buildingsHint: string
    chosen: (n: number) => string; noneChosen: string; district: string; anyDistrict: string; buildingQuery: string; find: string; found: (n: number, shown: number) => string; noneFound: string
    startsOn: string; endsOn: string; daysHint: string; save: string; create: string; cancel: string
  }
  /** What a refused form needs, by the field the refusal names. */
  problems: Record<string, string>
  done: Record<string, string>
  report: {
    edit: string; back: string; csv: string; csvEn: string; facts: string; channel: string; days: string; utm: string; link: string; offerings: string; buildings: string; noneSet: string
    totals: string; campaign: string; dayLines: (n: number) => string; byTerm: string; byBuilding: string; byManager: string; byDay: string; managerNote: string
    line: Record<'term' | 'building' | 'manager' | 'day', string>
    columns: { views: string; quotes: string; leads: string; orders: string; quoteRate: string; leadRate: string; orderRate: string; viewToOrder: string; qualified: string; won: string; response: string; revenue: string }
    none: string; other: string; queue: string; noViews: string; minutes: (n: number) => string
    chartDays: string; chartDaysDesc: string; chartFunnel: string; chartFunnelDesc: string
  }
}

const zh: CampaignsText = {
  title: '推广活动',
  intro: '每个推广活动：渠道、推广的套餐、目标楼宇、起止日期（上海时间）和链接里的 utm_campaign；结果按搜索关键词、楼宇、楼宇经理和日期统计。',
  create: '新建推广活动',
  none: '还没有推广活动。',
  columns: { name: '名称', channel: '渠道', days: '日期', utm: 'utm_campaign', buildings: '目标楼宇' },
  form: {
    newTitle: '新建推广活动', editTitle: '修改推广活动', name: '名称', channel: '渠道', utmCampaign: 'utm_campaign（链接参数）', utmHint: '字母、数字、- _ .，最多 60 个字符；广告和邮件链接里带上它。',
    offerings: '推广的套餐', buildings: '目标楼宇', buildingsHint: '按区或楼宇名称查找，勾选推广的目标楼宇；已勾选的楼宇会一直保留。',
    chosen: (n) => `已选 ${n} 栋楼宇`, noneChosen: '还没有选择目标楼宇。', district: '区', anyDistrict: '全部区', buildingQuery: '楼宇名称', find: '查找楼宇',
    found: (n, shown) => (shown < n ? `找到 ${n} 栋，显示前 ${shown} 栋；请选择区或输入名称缩小范围。` : `找到 ${n} 栋楼宇`), noneFound: '没有找到楼宇，请换个名称或区。', startsOn: '开始日期', endsOn: '结束日期', daysHint: '上海时间，含首尾两天。',
    save: '保存', create: '创建推广活动', cancel: '取消',
  },
  problems: {
    name: '请填写推广活动名称（最多 100 个字符）。',
    channel: '请选择渠道。',
    utmCampaign: 'utm_campaign 只能包含字母、数字、- _ .，最多 60 个字符。',
    offerings: '请从列表中选择套餐。',
    buildingIds: '请从列表中选择目标楼宇。',
    startsOn: '请填写开始日期。',
    endsOn: '结束日期不能早于开始日期。',
  },
  done: { campaign_created: '推广活动已创建。', campaign_saved: '推广活动已保存。' },
  report: {
    edit: '修改推广活动', back: '返回推广活动列表', csv: '导出 CSV', csvEn: 'CSV（英文）', facts: '推广活动信息', channel: '渠道', days: '日期', utm: 'utm_campaign', link: '落地页链接示例', offerings: '推广的套餐', buildings: '目标楼宇', noneSet: '未设置',
    totals: '合计', campaign: '推广活动', dayLines: (n) => `显示每日明细（${n} 天）`, byTerm: '按搜索关键词（utm_term）', byBuilding: '按楼宇', byManager: '按楼宇经理', byDay: '按日期（上海时间）',
    managerNote: '只显示您负责的楼宇的报价、线索和订单；落地页浏览不属于某栋楼宇，因此不显示。',
    line: { term: '关键词', building: '楼宇', manager: '楼宇经理', day: '日期' },
    columns: {
      views: '落地页浏览', quotes: '报价', leads: '线索', orders: '订单', quoteRate: '浏览→报价', leadRate: '报价→线索', orderRate: '报价→订单', viewToOrder: '浏览→订单',
      qualified: '线索确认率', won: '线索成交率', response: '线索响应（中位数）', revenue: '订单首年收入',
    },
    none: '（无关键词）', other: '其他楼宇', queue: '区域待分配队列', noViews: '—', minutes: (n) => (n < 60 ? `${Math.round(n)} 分钟` : `${(n / 60).toFixed(1)} 小时`),
    chartDays: '每日报价、线索和订单', chartDaysDesc: '推广活动每一天（上海时间）的落地页浏览、报价、线索和订单数，每一行按各自的最大值缩放。',
    chartFunnel: '转化漏斗', chartFunnelDesc: '落地页浏览、报价、线索和订单的数量。',
  },
}

const en: CampaignsText = {
  title: 'Campaigns',
  intro: 'Each campaign: its channel, the bundles it promotes, its target buildings, its days (Shanghai time) and the utm_campaign its links carry; results by search keyword, building, manager and day.',
  create: 'New campaign',
  none: 'No campaigns yet.',
  columns: { name: 'Name', channel: 'Channel', days: 'Days', utm: 'utm_campaign', buildings: 'Target buildings' },
  form: {
    newTitle: 'New campaign', editTitle: 'Edit campaign', name: 'Name', channel: 'Channel', utmCampaign: 'utm_campaign (link parameter)', utmHint: 'Letters, digits, - _ . and at most 60 characters; put it in the ad and e-mail links.',
    offerings: 'Bundles promoted', buildings: 'Target buildings', buildingsHint: 'Find buildings by district or name and tick those the campaign targets; ticked buildings stay chosen.',
    chosen: (n) => `${n} ${n === 1 ? 'building' : 'buildings'} chosen`, noneChosen: 'No target building chosen yet.', district: 'District', anyDistrict: 'All districts', buildingQuery: 'Building name', find: 'Find buildings',
    found: (n, shown) => (shown < n ? `${n} found, the first ${shown} shown; choose a district or type a name to narrow them.` : `${n} ${n === 1 ? 'building' : 'buildings'} found`), noneFound: 'No building found; try another name or district.', startsOn: 'First day', endsOn: 'Last day', daysHint: 'Shanghai time, both days included.',
    save: 'Save', create: 'Create campaign', cancel: 'Cancel',
  },
  problems: {
    name: 'Please give the campaign a name (at most 100 characters).',
    channel: 'Please choose a channel.',
    utmCampaign: 'utm_campaign may hold letters, digits, - _ . only, at most 60 characters.',
    offerings: 'Please choose bundles from the list.',
    buildingIds: 'Please choose target buildings from the list.',
    startsOn: 'Please give the first day.',
    endsOn: 'The last day cannot be before the first.',
  },
  done: { campaign_created: 'Campaign created.', campaign_saved: 'Campaign saved.' },
  report: {
    edit: 'Edit campaign', back: 'Back to campaigns', csv: 'Export CSV', csvEn: 'CSV (English)', facts: 'Campaign', channel: 'Channel', days: 'Days', utm: 'utm_campaign', link: 'Landing link, for example', offerings: 'Bundles promoted', buildings: 'Target buildings', noneSet: 'none',
    totals: 'Total', campaign: 'Campaign', dayLines: (n) => `Show each day (${n} ${n === 1 ? 'day' : 'days'})`, byTerm: 'By search keyword (utm_term)', byBuilding: 'By building', byManager: 'By building manager', byDay: 'By day (Shanghai time)',
    managerNote: 'Only your buildings’ quotes, leads and orders are shown; landing views belong to no building, so they are not.',
    line: { term: 'Keyword', building: 'Building', manager: 'Manager', day: 'Day' },
    columns: {
      views: 'Landing views', quotes: 'Quotes', leads: 'Leads', orders: 'Orders', quoteRate: 'View → quote', leadRate: 'Quote → lead', orderRate: 'Quote → order', viewToOrder: 'View → order',
      qualified: 'Leads qualified', won: 'Leads won', response: 'Median lead response', revenue: 'First-year revenue',
    },
    none: '(no keyword)', other: 'Other buildings', queue: 'District queue', noViews: '—', minutes: (n) => (n < 60 ? `${Math.round(n)} min` : `${(n / 60).toFixed(1)} h`),
    chartDays: 'Quotes, leads and orders per day', chartDaysDesc: 'Landing views, quotes, leads and orders on each day of the campaign (Shanghai time); each row is scaled to its own largest day.',
    chartFunnel: 'Conversion funnel', chartFunnelDesc: 'How many landing views, quotes, leads and orders.',
  },
}

export const consoleCampaignsText: Record<Lang, CampaignsText> = { zh, en }

/**
 * What a refused campaign form says, at the top and beside the named field: a malformed field's format
 * (invalid_request), otherwise what the refusal's code says (a tag in use, a bundle or building gone).
 */
export const campaignProblem = (lang: Lang, code: ErrorCode, field: string | undefined): string =>
  (code === 'invalid_request' && field && consoleCampaignsText[lang].problems[field]) || errorText(code, lang)
