import { discount, text, yuan } from '../../labels'
import type { DescribeScope, RuleDescription } from '../rule-kind'
import type { EntryBundleArgs } from './args'

/** The entry price, what it covers and the usage discount in plain words, from the args. */
export function describeEntryBundle(args: EntryBundleArgs, scope: DescribeScope): RuleDescription {
  const part = (lang: 'zh' | 'en') =>
    args.includedItems.map((item) => `${scope.catalog.components.get(item.code)!.name[lang]}${item.count > 1 ? ` × ${item.count}` : ''}`)
  const off = discount(args.usageRateBp)
  const installs = args.waiveInstalls ? text('免安装费', 'installation free') : text('安装费另计', 'installation charged')
  const lines = args.includedItems.reduce((total, item) => total + item.count, 0)
  return {
    highlights: [
      text(`${yuan(args.entryMonthly).zh}/月含${lines}条线路月租`, `${yuan(args.entryMonthly).en} a month covers ${lines} lines`),
      text(`全部通话${off.zh}`, `All calls ${off.en}`),
      ...(args.waiveInstalls ? [text('免安装费', 'Installation free')] : []),
    ],
    price: [
      text(`每月 ${yuan(args.entryMonthly).zh}，含 ${part('zh').join('、')} 的月租。`, `${yuan(args.entryMonthly).en} a month covers the rentals of ${part('en').join(', ')}.`),
      text(`所有通话${off.zh}，${installs.zh}。`, `All calls ${off.en}, ${installs.en}.`),
    ],
    terms: [text(`月费${yuan(args.entryMonthly).zh}含全部月租；全部通话费${off.zh}。`, `The ${yuan(args.entryMonthly).en} monthly price covers every rental; all usage is ${off.en}.`)],
    faq: [],
  }
}
