import { discount, text, yuan } from '../../labels'
import { pct } from '../../money'
import { usageCategories } from '../../primitives'
import { includedLines, installLines, packageItems, usageOf, type PricingContext, type RuleOutcome } from '../../pricing-context'
import type { EntryBundleArgs } from './args'
import type { EntryBundleCode } from './codes'

/** 商家乐: one entry price covers the included lines; all usage is discounted (PRICING.md §6). */
export function priceEntryBundle(ctx: PricingContext, args: EntryBundleArgs): RuleOutcome<EntryBundleCode> {
  const included = packageItems(ctx.catalog, args.includedItems)
  const usage = usageOf(ctx.usage, usageCategories)
  const off = discount(args.usageRateBp)
  const lines = [
    {
      code: 'entry',
      label: text(`入门月费${yuan(args.entryMonthly).zh}（含全部月租）`, `Entry price ${yuan(args.entryMonthly).en} (covers all rentals)`),
      amount: args.entryMonthly,
      rule: 'entry_bundle.entry_price' as const,
    },
    ...includedLines(included, 'entry_bundle.included', text('已含', 'included')),
    ...(usage > 0
      ? [
          {
            code: 'usage',
            label: text(`通话费${yuan(usage).zh}，${off.zh}`, `Usage ${yuan(usage).en} at ${off.en}`),
            amount: pct(usage, args.usageRateBp),
            rule: 'entry_bundle.usage_discounted' as const,
          },
        ]
      : []),
  ]

  return {
    oneTime: installLines(included, () => args.waiveInstalls, { charged: 'entry_bundle.standard_install', waived: 'entry_bundle.installs_waived' }),
    monthLines: () => lines,
    commitment: args.entryMonthly,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: args.entryMonthly,
    broadbandDiscountPerMonth: 0,
  }
}
