import type { Lang } from './lang'

interface Faq {
  q: string
  a: string
}

/** Questions every bundle page answers; a rule's own questions come from its description. */
export const commonFaq: Record<Lang, Faq[]> = {
  zh: [
    { q: '下单后多久能装好？', a: '楼宇经理会在 1 个工作日内联系您确认上门时间；部分楼宇支持当天安装开通。' },
    { q: '账单怎么出？', a: '套餐内所有业务合并为一张账单，按月出账，支持对公转账和在线支付。' },
    { q: '我的楼宇能不能装？', a: '在本页输入楼宇名称即可查询光纤端口、可用带宽；暂不满足的楼宇可申请勘察，楼宇经理会回电。' },
  ],
  en: [
    { q: 'How soon is it installed?', a: 'Your building manager calls within one working day to book a visit; some buildings allow same-day installation.' },
    { q: 'How am I billed?', a: 'Everything in the bundle is on one monthly bill; pay by bank transfer or online.' },
    { q: 'Can my building get it?', a: 'Type your building’s name on this page to see its fibre ports and speeds; if it cannot be served yet, ask for a survey and your building manager will call you.' },
  ],
}
