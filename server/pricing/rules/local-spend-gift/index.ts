import type { RuleKind } from '../rule-kind'
import type { LocalSpendGiftArgs } from './args'
import { localSpendGiftCodes, type LocalSpendGiftCode } from './codes'
import { describeLocalSpendGift } from './describe'
import { localSpendGiftGuardrails } from './guardrails'
import { priceLocalSpendGift } from './price'

export const localSpendGift: RuleKind<LocalSpendGiftArgs, LocalSpendGiftCode> = {
  kind: 'local_spend_gift',
  codes: localSpendGiftCodes,
  options: () => [],
  includedComponents: () => [],
  price: priceLocalSpendGift,
  delivers: (_args, requested) => requested.filter((item) => item.count > 0),
  describe: describeLocalSpendGift,
  guardrails: localSpendGiftGuardrails,
}
