import type { RuleKind } from '../rule-kind'
import type { BroadbandPaymentArgs } from './args'
import { broadbandPaymentCodes, type BroadbandPaymentCode } from './codes'
import { describeBroadbandPayment } from './describe'
import { broadbandPaymentGuardrails } from './guardrails'
import { priceBroadbandPayment } from './price'

export const broadbandPayment: RuleKind<BroadbandPaymentArgs, BroadbandPaymentCode> = {
  kind: 'broadband_payment',
  codes: broadbandPaymentCodes,
  options: (args) => [{ name: 'payment', choices: args.payments.map((payment) => ({ id: payment.id, label: payment.name })) }],
  includedComponents: () => [],
  price: priceBroadbandPayment,
  delivers: (_args, requested) => requested.filter((item) => item.count > 0),
  describe: describeBroadbandPayment,
  guardrails: broadbandPaymentGuardrails,
}
