import type { PricingRule } from '../../server/pricing/catalog-schema'
import type { Lang } from './lang'

interface Faq {
  q: string
  a: string
}

const common: Record<Lang, Faq[]> = {
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

const byRule: Partial<Record<PricingRule['kind'], Record<Lang, Faq[]>>> = {
  commitment_plan: {
    zh: [
      { q: 'X 怎么算？', a: 'X 是您申报的近 3 个月（所有运营商）月均通信费，工作人员可核实调整；每 6 个月按最近 3 个月重新核定。' },
      { q: '用不满怎么办？', a: '每月实际使用低于承诺额时，差额的一半计入您的客户关怀金（至少 ¥100），可用于增值服务或设备。' },
      { q: '超出可用额度呢？', a: '超出部分按标准资费另行收取，不会影响服务。' },
    ],
    en: [
      { q: 'How is X worked out?', a: 'X is the average monthly telecom spend you declare for the last 3 months, across all carriers; staff may verify it. It is reviewed every 6 months.' },
      { q: 'What if I use less?', a: 'Half of any gap between what you pay and what you use (at least ¥100) goes to your customer-care budget for services or devices.' },
      { q: 'And if I use more than the allowance?', a: 'Usage above it is billed at standard tariffs; your service never stops.' },
    ],
  },
  broadband_payment: {
    zh: [{ q: '预付费可以退吗？', a: '预付费用不予退还；预付期满后自动按标准月租续用，可随时停用。' }],
    en: [{ q: 'Can I get a prepayment back?', a: 'Prepaid amounts are non-refundable; afterwards the standard monthly price applies and you can stop any time.' }],
  },
  fixed_monthly_package: {
    zh: [{ q: '老客户能办吗？', a: '可以，但保底不低于您近 3 个月的月均消费。' }],
    en: [{ q: 'Can existing customers join?', a: 'Yes; the baseline is then at least your average monthly spend of the last 3 months.' }],
  },
  local_spend_gift: {
    zh: [{ q: '赠送的长途额度能累计吗？', a: '不能。额度在次月有效，当月不用即作废。' }],
    en: [{ q: 'Does the long-distance credit carry over?', a: 'No. It is valid for the next month only and lapses if unused.' }],
  },
}

export function faqFor(rule: PricingRule, lang: Lang): Faq[] {
  return [...(byRule[rule.kind]?.[lang] ?? []), ...common[lang]]
}
