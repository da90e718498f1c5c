import { discount, text, yuan, type Text } from '../../labels'
import type { DescribeScope, RuleDescription } from '../rule-kind'
import type { BasePlusTiersArgs } from './args'

/** Each tier's minimum, what it includes, its excess rule and install waiver, from the args. */
export function describeBasePlusTiers(args: BasePlusTiersArgs, scope: DescribeScope, options?: Record<string, string>): RuleDescription {
  const name = (code: string) => scope.catalog.components.get(code)!.name
  const tiers = args.tiers.filter((tier) => !options?.tier || tier.id === options.tier)
  const sentences: Text[] = tiers.map((tier) => {
    const included = {
      zh: tier.includedItems.map((item) => name(item.code).zh).join('、'),
      en: tier.includedItems.map((item) => name(item.code).en).join(', '),
    }
    const excess =
      tier.excessRateBp === null
        ? text(`实际费用（月租+通话）低于${yuan(tier.baseline).zh}按${yuan(tier.baseline).zh}收取，超出按实际收取`, `actual charges (rentals + calls) below ${yuan(tier.baseline).en} are billed at ${yuan(tier.baseline).en}, above it at actual`)
        : text(`实际费用超出${yuan(tier.baseline).zh}的部分${discount(tier.excessRateBp).zh}`, `actual charges above ${yuan(tier.baseline).en} at ${discount(tier.excessRateBp).en}`)
    const installs = tier.waiveInstalls ? text('，免全部安装费', ', every installation free') : text('', '')
    return text(
      `${tier.id}：月保底 ${yuan(tier.baseline).zh}，${excess.zh}；免费含${included.zh}${installs.zh}。`,
      `${tier.id}: ${yuan(tier.baseline).en} a month minimum; ${excess.en}; ${included.en} included free${installs.en}.`,
    )
  })
  const baselines = args.tiers.map((tier) => yuan(tier.baseline))
  const highlights: Text[] = [
    // The tier count leads in zh: after the last amount it would read as more decimals ("¥1,000.003档").
    text(`${args.tiers.length}档月保底：${baselines.map((baseline) => baseline.zh).join('/')}，档内增值业务免费`, `${args.tiers.length} tiers (${baselines.map((baseline) => baseline.en).join(' / ')}) with value-added services free`),
    ...args.tiers
      .filter((tier) => tier.excessRateBp !== null)
      .map((tier) =>
        text(
          `${yuan(tier.baseline).zh}档超出部分${discount(tier.excessRateBp!).zh}${tier.waiveInstalls ? '、免全部安装费' : ''}`,
          `${yuan(tier.baseline).en} tier: ${discount(tier.excessRateBp!).en} usage above it${tier.waiveInstalls ? ' and every installation free' : ''}`,
        ),
      ),
  ]
  return { highlights, price: sentences, terms: sentences, faq: [] }
}
