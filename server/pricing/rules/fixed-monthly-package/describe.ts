import { discount, text, yuan, type Text } from '../../labels'
import type { DescribeScope, RuleDescription } from '../rule-kind'
import type { FixedMonthlyPackageArgs } from './args'
import { customerStatusNames } from '../../customer-status-names'
import { usageNames } from '../../pricing-context'

/** The baseline, the tiered excess and the install waiver in plain words, from the args. */
export function describeFixedMonthlyPackage(args: FixedMonthlyPackageArgs, scope: DescribeScope): RuleDescription {
  const name = (code: string) => scope.catalog.components.get(code)!.name
  const baselines = Object.entries(args.broadbandBundlePrices).map(([code, price]) => ({
    zh: `${name(code).zh} ${yuan(args.voiceBaseline + price).zh}`,
    en: `${name(code).en} ${yuan(args.voiceBaseline + price).en}`,
  }))
  let from = 0
  // In zh, 部分 keeps a tier's amount apart from its discount: "前¥200.009折" would read as ¥200.009.
  const tiers: Text[] = args.excessTiers.map((tier) => {
    const off = discount(tier.rateBp)
    const part =
      tier.upTo === null
        ? from === 0
          ? text(`超出部分${off.zh}`, `the excess at ${off.en}`)
          : text(`其余${off.zh}`, `the rest at ${off.en}`)
        : text(`${from === 0 ? '前' : `${yuan(from).zh}至`}${yuan(tier.upTo).zh}部分${off.zh}`, `${from === 0 ? 'the first' : `from ${yuan(from).en} to`} ${yuan(tier.upTo).en} at ${off.en}`)
    if (tier.upTo !== null) from = tier.upTo
    return part
  })
  const waivedFor = args.waiveBroadbandInstallFor.map((status) => customerStatusNames[status])
  const flooredFor = args.floorBaselineAtPriorSpendFor.map((status) => customerStatusNames[status])
  const counted = text(
    `实际费用 = 宽带包月价 + 其他月租 + ${args.usage.map((category) => usageNames[category].zh).join(' + ')}`,
    `Actual charges are the broadband bundle price, other rentals and ${args.usage.map((category) => usageNames[category].en).join(' and ')}`,
  )

  const terms: Text[] = [
    text(
      `${counted.zh}；低于保底按保底收取，超出部分：${tiers.map((tier) => tier.zh).join('，')}。`,
      `${counted.en}; below the baseline you pay the baseline, above it ${tiers.map((tier) => tier.en).join(', ')}.`,
    ),
    ...(flooredFor.length > 0
      ? [
          text(
            `${flooredFor.map((status) => status.zh).join('、')}的月保底不低于近3个月月均通信费。`,
            `For ${flooredFor.map((status) => status.en).join(' and ')} the baseline is at least their average monthly spend of the last 3 months.`,
          ),
        ]
      : []),
  ]
  const lowestBaseline = Math.min(...Object.values(args.broadbandBundlePrices)) + args.voiceBaseline
  const deepest = discount(Math.min(...args.excessTiers.map((tier) => tier.rateBp)))
  return {
    highlights: [
      text('固话+宽带一个价格、一张账单', 'Phone lines and broadband at one price, on one bill'),
      text(`月保底${yuan(lowestBaseline).zh}起，超出部分最低${deepest.zh}`, `From ${yuan(lowestBaseline).en} a month; usage above it up to ${deepest.en}`),
      ...(waivedFor.length > 0
        ? [text(`${waivedFor.map((status) => status.zh).join('、')}免宽带安装费`, `Broadband installation free for ${waivedFor.map((status) => status.en).join(' and ')}`)]
        : []),
    ],
    price: [
      text(
        `每月保底（固话保底${yuan(args.voiceBaseline).zh} + 宽带包月价）：${baselines.map((line) => line.zh).join('，')}。`,
        `Monthly baseline (${yuan(args.voiceBaseline).en} voice base + the broadband bundle price): ${baselines.map((line) => line.en).join(', ')}.`,
      ),
      text(`用得少也只付保底；超出保底的部分：${tiers.map((tier) => tier.zh).join('，')}。`, `Use less and you pay the baseline; above it, ${tiers.map((tier) => tier.en).join(', ')}.`),
      ...(waivedFor.length > 0
        ? [text(`${waivedFor.map((status) => status.zh).join('、')}免宽带安装费。`, `No broadband installation fee for ${waivedFor.map((status) => status.en).join(' and ')}.`)]
        : []),
    ],
    terms,
    faq:
      flooredFor.length > 0
        ? [{ question: text('老客户能办吗？', 'Can existing customers join?'), answer: terms[1] }]
        : [],
  }
}
