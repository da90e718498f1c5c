import type { Catalog } from '../../server/pricing/catalog'
import type { Offering } from '../../server/pricing/catalog-schema'
import { formatYuan, pct } from '../../server/pricing/money'
import type { Lang } from './lang'

const ratio = (basisPoints: number) => String(basisPoints / 10_000)
const off = (rateBasisPoints: number) => `${(10_000 - rateBasisPoints) / 100}%`
const zhDiscount = (rateBasisPoints: number) => `${rateBasisPoints / 1000}折`

/** The price of an offering in plain words, built from its rule data so a price change shows here too. */
export function explainPrice(catalog: Catalog, offering: Offering, lang: Lang): string[] {
  const yuan = (fen: number) => formatYuan(fen, lang)
  const name = (code: string) => catalog.components.get(code)?.name[lang] ?? code
  const zh = lang === 'zh'
  const rule = offering.rule
  switch (rule.kind) {
    case 'commitment_plan': {
      const example = 800_000
      const plans = rule.plans.map((plan) =>
        zh
          ? `${plan.id} 计划：每月付 ${ratio(plan.commitmentBp)}X，可用 ${ratio(plan.allowanceBp)}X 的服务`
          : `Plan ${plan.id}: pay ${ratio(plan.commitmentBp)}X a month, use services worth up to ${ratio(plan.allowanceBp)}X`,
      )
      const first = rule.plans[0]
      const pay = pct(example, rule.introductory?.commitmentBp ?? first.commitmentBp)
      const use = pct(example, first.allowanceBp)
      return [
        zh
          ? `X 是您近3个月在所有运营商的月均通信费（不低于 ${yuan(rule.minimumX)}）。`
          : `X is your average monthly telecom spend over the last 3 months, across all carriers (at least ${yuan(rule.minimumX)}).`,
        ...plans.map((plan) => `${plan}${zh ? '。' : '.'}`),
        zh
          ? `例如月均 ${yuan(example)}：每月付 ${yuan(pay)}，可使用 ${yuan(use)} 的服务。`
          : `For example, spending ${yuan(example)} a month: pay ${yuan(pay)} a month and use up to ${yuan(use)}.`,
        ...(rule.introductory
          ? [zh ? `前 ${rule.introductory.months} 个月只付 ${ratio(rule.introductory.commitmentBp)}X。` : `Only ${ratio(rule.introductory.commitmentBp)}X for the first ${rule.introductory.months} months.`]
          : []),
        zh
          ? `用不满承诺额时，差额的一半（至少 ${yuan(rule.care.minimum)}）转为您的客户关怀金；入网免全部一次性费用。`
          : `If you use less than you pay, half the gap (at least ${yuan(rule.care.minimum)}) goes to your customer-care budget; all one-time fees are waived.`,
      ]
    }
    case 'broadband_payment': {
      const speeds = offering.items.map((item) => catalog.components.get(item.code)!).filter((component) => component.speedMbps)
      const cheapest = speeds[0]
      return [
        zh
          ? `按月付费：${speeds.map((speed) => `${speed.name.zh} ${yuan(speed.monthly)}/月`).join('，')}，无合约期。`
          : `Pay monthly: ${speeds.map((speed) => `${speed.name.en} ${yuan(speed.monthly)}`).join(', ')} a month, no contract.`,
        ...rule.payments
          .filter((payment) => payment.prepayMonths > 0)
          .map((payment) => {
            const monthly = cheapest.termPrices.find((price) => price.termMonths === payment.prepayMonths)?.monthly ?? cheapest.monthly
            const total = monthly * payment.prepayMonths
            return zh
              ? `${payment.name.zh}：${cheapest.name.zh} 共 ${yuan(total)}（合 ${yuan(monthly)}/月）${payment.waiveInstall ? '，免安装费' : ''}。`
              : `${payment.name.en}: ${cheapest.name.en} for ${yuan(total)} (${yuan(monthly)} a month)${payment.waiveInstall ? ', installation free' : ''}.`
          }),
      ]
    }
    case 'fixed_monthly_package': {
      const baselines = Object.entries(rule.broadbandBundlePrices).map(([code, price]) => `${name(code)} ${yuan(rule.voiceBaseline + price)}`)
      const [firstTier, secondTier] = rule.excessTiers
      return [
        zh
          ? `每月保底：${baselines.join('，')}（含宽带和固话基础费用）。用得少也只付保底。`
          : `Monthly baseline: ${baselines.join(', ')} (broadband and the voice base included). Use less and you still pay only the baseline.`,
        zh
          ? `超出保底的部分：前 ${yuan(firstTier.upTo ?? 0)} ${zhDiscount(firstTier.rateBp)}${secondTier ? `，其余 ${zhDiscount(secondTier.rateBp)}` : ''}。`
          : `Above the baseline: the first ${yuan(firstTier.upTo ?? 0)} at ${off(firstTier.rateBp)} off${secondTier ? `, the rest at ${off(secondTier.rateBp)} off` : ''}.`,
        zh ? '新装宽带免安装费。' : 'New customers pay no broadband installation.',
      ]
    }
    case 'group_mobile': {
      const line = catalog.components.get(rule.lineComponent)!
      return [
        zh
          ? `办公固话 ${yuan(rule.baseMonthly)}/月，含 ${yuan(rule.includedLocalVoice)} 本地通话。`
          : `Office line ${yuan(rule.baseMonthly)} a month, including ${yuan(rule.includedLocalVoice)} of local calls.`,
        zh
          ? `每部同事手机 ${yuan(line.monthly)}/月，含 ${yuan(rule.includedMobileUsagePerLine)} 通话；同事间通话免费，长途 ${zhDiscount(rule.longDistanceRateBp)}。`
          : `Each colleague mobile ${yuan(line.monthly)} a month with ${yuan(rule.includedMobileUsagePerLine)} of usage; calls between colleagues free, long distance ${off(rule.longDistanceRateBp)} off.`,
      ]
    }
    case 'local_spend_gift':
      return [
        zh ? '固话月租和通话按标准资费。' : 'Line rentals and calls at standard tariffs.',
        ...[...rule.giftTiers]
          .sort((a, b) => a.minLocalVoice - b.minLocalVoice)
          .map((tier) =>
            zh
              ? `本地通话满 ${yuan(tier.minLocalVoice)}：次月送本地话费的 ${tier.rateBp / 100}% 作长途额度。`
              : `Local calls of ${yuan(tier.minLocalVoice)} or more: ${tier.rateBp / 100}% of them back as long-distance credit next month.`,
          ),
        zh ? '赠送额度当月有效，不用作废。' : 'The credit is for that month only and lapses if unused.',
      ]
    case 'base_plus_tiers':
      return rule.tiers.map((tier) => {
        const included = tier.includedItems.map((item) => name(item.code)).join(zh ? '、' : ', ')
        const excess =
          tier.excessRateBp === null
            ? zh ? '超出按实际收费' : 'above it you pay actual usage'
            : zh ? `超出部分${zhDiscount(tier.excessRateBp)}` : `${off(tier.excessRateBp)} off above it`
        return zh
          ? `${tier.id}：月保底 ${yuan(tier.baseline)}，${excess}，免费含 ${included}${tier.waiveInstalls ? '，免全部安装费' : ''}。`
          : `${tier.id}: ${yuan(tier.baseline)} a month minimum, ${excess}, with ${included} free${tier.waiveInstalls ? ', every installation free' : ''}.`
      })
    case 'entry_bundle': {
      const included = rule.includedItems.map((item) => `${name(item.code)}${item.count > 1 ? ` × ${item.count}` : ''}`).join(zh ? '、' : ', ')
      return [
        zh ? `每月 ${yuan(rule.entryMonthly)}，含 ${included} 的月租。` : `${yuan(rule.entryMonthly)} a month covers the rentals of ${included}.`,
        zh ? `所有通话 ${zhDiscount(rule.usageRateBp)}${rule.waiveInstalls ? '，免安装费' : ''}。` : `All calls ${off(rule.usageRateBp)} off${rule.waiveInstalls ? ', installation free' : ''}.`,
      ]
    }
  }
}

/** The early-termination rule in words (DOMAIN.md: every contract states it). */
export function explainEarlyTermination(offering: Offering, lang: Lang): string {
  const etf = offering.earlyTermination
  const zh = lang === 'zh'
  if (!etf) return zh ? '无合约期，可随时停用，无提前解约费。' : 'No contract term: stop any time, no early-termination fee.'
  const parts = [
    etf.perRemainingMonth > 0 && (zh ? `每个剩余月 ${formatYuan(etf.perRemainingMonth, lang)}` : `${formatYuan(etf.perRemainingMonth, lang)} per remaining month`),
    etf.commitmentShareBp > 0 && (zh ? `每个剩余月承诺额的 ${etf.commitmentShareBp / 100}%` : `${etf.commitmentShareBp / 100}% of the commitment per remaining month`),
    etf.broadbandDiscount && (zh ? '剩余月份的宽带优惠差价' : 'the broadband discount for each remaining month'),
    etf.proRataWaivedOneTime && (zh ? '按剩余期限比例退还已减免的一次性费用' : 'the waived one-time fees, pro rata to the remaining term'),
  ].filter(Boolean)
  return zh ? `合约期内提前解约需支付：${parts.join('，')}。` : `Leaving before the end of the term costs ${parts.join(', plus ')}.`
}
