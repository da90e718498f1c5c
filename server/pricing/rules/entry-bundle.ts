import type { PricingRule } from '../catalog-schema'
import { usageCategories } from '../catalog-schema'
import { percent, text, yuan } from '../labels'
import { pct } from '../money'
import { includedLines, installLines, usageOf, type PricingContext, type RequestedItem, type RuleOutcome } from '../pricing-context'

type Rule = Extract<PricingRule, { kind: 'entry_bundle' }>

/** 商家乐: one entry price covers the included lines; all usage is discounted (PRICING.md §6). */
export function priceEntryBundle(ctx: PricingContext, rule: Rule): RuleOutcome {
  const included: RequestedItem[] = rule.includedItems.map((item) => ({
    component: ctx.catalog.components.get(item.code)!,
    count: item.count,
  }))
  const usage = usageOf(ctx.usage, usageCategories)
  const discount = percent(10_000 - rule.usageRateBp)
  const lines = [
    {
      code: 'entry',
      label: text(`入门月费${yuan(rule.entryMonthly).zh}（含全部月租）`, `Entry price ${yuan(rule.entryMonthly).en} (covers all rentals)`),
      amount: rule.entryMonthly,
      rule: 'entry_bundle.entry_price',
    },
    ...includedLines(included, 'entry_bundle.included', text('已含', 'included')),
    ...(usage > 0
      ? [
          {
            code: 'usage',
            label: text(`通话费${yuan(usage).zh}，优惠${discount}`, `Usage ${yuan(usage).en} at ${discount} off`),
            amount: pct(usage, rule.usageRateBp),
            rule: 'entry_bundle.usage_discounted',
          },
        ]
      : []),
  ]

  return {
    oneTime: installLines(included, () => rule.waiveInstalls, 'entry_bundle.installs_waived'),
    monthLines: () => lines,
    commitment: rule.entryMonthly,
    allowance: null,
    careCredit: 0,
    gifts: [],
    etfCommitment: rule.entryMonthly,
    broadbandDiscountPerMonth: 0,
    terms: [text(`全部通话费享${discount}优惠。`, `All usage is ${discount} off.`)],
  }
}
