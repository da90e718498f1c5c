import { months, text, type Text } from '../../labels'
import type { LocalSpendGiftArgs } from './args'

/** How long a credited gift may be used, in the customer's words, from giftLapsesAfterMonths. */
export function lapseOf(args: Pick<LocalSpendGiftArgs, 'giftLapsesAfterMonths'>): { sentence: Text; short: Text } {
  const usable = args.giftLapsesAfterMonths
  if (usable === 1) {
    return {
      sentence: text(
        '赠送的长途额度仅限次月使用，不可累计、不可兑现，当月不用作废。',
        'The long-distance credit is for the next month only; it cannot be carried over or cashed and lapses if unused.',
      ),
      short: text('次月长途额度，当月不用作废', 'of long-distance credit next month; lapses if unused'),
    }
  }
  const period = months(usable)
  return {
    sentence: text(
      `赠送的长途额度自次月起${period.zh}内有效，不可兑现，逾期不用作废。`,
      `The long-distance credit can be used for ${period.en} from the next month; it cannot be cashed and lapses if unused by then.`,
    ),
    short: text(`自次月起${period.zh}内可用的长途额度，逾期作废`, `of long-distance credit usable for ${period.en} from next month; lapses if unused`),
  }
}
