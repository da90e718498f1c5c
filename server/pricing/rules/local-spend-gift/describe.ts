import { percent, text, yuan } from '../../labels'
import type { RuleDescription } from '../rule-kind'
import type { LocalSpendGiftArgs } from './args'
import { giftOf } from './gift-tier'
import { lapseOf } from './lapse'

/** The gift tiers in plain words: each threshold, its rate and the credit it earns, from the args. */
export function describeLocalSpendGift(args: LocalSpendGiftArgs): RuleDescription {
  const lapses = lapseOf(args).sentence
  const highestOnly = text('每月只按达到的最高一档赠送。', 'Each month only the highest tier reached counts.')
  const byThreshold = [...args.giftTiers].sort((a, b) => a.minLocalVoice - b.minLocalVoice)
  const lowest = byThreshold[0]
  const highest = byThreshold[byThreshold.length - 1]
  const credits = byThreshold.length > 1 ? text(`${yuan(giftOf(lowest)).zh}–${yuan(giftOf(highest)).zh}`, `${yuan(giftOf(lowest)).en}–${yuan(giftOf(highest)).en}`) : yuan(giftOf(lowest))
  // The tiers are what the customer is promised: the contract terms state them, not only the price text.
  const tierSentences = byThreshold.map((tier) =>
    text(
      `当月本地通话满 ${yuan(tier.minLocalVoice).zh}：送 ${yuan(tier.minLocalVoice).zh} × ${percent(tier.rateBp)} = ${yuan(giftOf(tier)).zh} 次月长途额度。`,
      `Local calls of ${yuan(tier.minLocalVoice).en} or more in a month: ${yuan(tier.minLocalVoice).en} × ${percent(tier.rateBp)} = ${yuan(giftOf(tier)).en} of long-distance credit next month.`,
    ),
  )
  return {
    highlights: [
      text(`本地话费满${yuan(lowest.minLocalVoice).zh}起，次月送${credits.zh}长途额度`, `Local calls from ${yuan(lowest.minLocalVoice).en} a month earn ${credits.en} of long-distance credit`),
    ],
    price: [text('固话月租和通话按标准资费。', 'Line rentals and calls at standard tariffs.'), ...tierSentences, highestOnly],
    terms: [...tierSentences, highestOnly, lapses],
    faq: [{ question: text('赠送的长途额度能累计吗？', 'Does the long-distance credit carry over?'), answer: lapses }],
  }
}
