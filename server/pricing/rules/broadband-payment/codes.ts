/** The rules a 网络快车 (broadband_payment) quote line can name. */
export const broadbandPaymentCodes = [
  'broadband_payment.standard_monthly',
  'broadband_payment.prepaid',
  'broadband_payment.prepay',
  'broadband_payment.standard_install',
  'broadband_payment.prepay_waives_install',
] as const

export type BroadbandPaymentCode = (typeof broadbandPaymentCodes)[number]
