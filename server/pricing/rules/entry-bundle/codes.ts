/** The rules a 商家乐 (entry_bundle) quote line can name. */
export const entryBundleCodes = [
  'entry_bundle.entry_price',
  'entry_bundle.included',
  'entry_bundle.usage_discounted',
  'entry_bundle.standard_install',
  'entry_bundle.installs_waived',
] as const

export type EntryBundleCode = (typeof entryBundleCodes)[number]
