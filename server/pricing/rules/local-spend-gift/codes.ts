/** The rules a 打本地送长途 (local_spend_gift) quote line can name. */
export const localSpendGiftCodes = [
  'local_spend_gift.standard_monthly',
  'local_spend_gift.usage_at_standard_tariff',
  'local_spend_gift.standard_install',
] as const

export type LocalSpendGiftCode = (typeof localSpendGiftCodes)[number]
