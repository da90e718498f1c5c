import { z } from 'zod'
import { fen, localizedText } from '../../primitives'

export const broadbandPaymentArgs = z.strictObject({
  kind: z.literal('broadband_payment'),
  payments: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: localizedText,
        /** 0 = pay monthly; otherwise prepay this many months at the term price of that length. */
        prepayMonths: z.number().int().nonnegative().max(12),
        waiveInstall: z.boolean(),
        /**
         * Credit given with the payment (a gift for month 1, lapsing if unused). The guardrail
         * prepay_bonus_below_prepayment keeps it to prepayments and strictly below the smallest one.
         */
        bonusCredit: fen.default(0),
      }),
    )
    .min(1),
})

export type BroadbandPaymentArgs = z.infer<typeof broadbandPaymentArgs>
