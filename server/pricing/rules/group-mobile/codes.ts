/** The rules a 固话+手机同事圈 (group_mobile) quote line can name. */
export const groupMobileCodes = [
  'group_mobile.base',
  'group_mobile.mobile_rental',
  'group_mobile.local_over_included',
  'group_mobile.mobile_over_included',
  'group_mobile.long_distance_discount',
] as const

export type GroupMobileCode = (typeof groupMobileCodes)[number]
