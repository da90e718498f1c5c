/** The rules a 基础+增值 分档 (base_plus_tiers) quote line can name. */
export const basePlusTiersCodes = [
  'base_plus_tiers.tier_minimum',
  'base_plus_tiers.tier_includes',
  'base_plus_tiers.excess_discounted',
  'base_plus_tiers.actual_above_minimum',
  'base_plus_tiers.standard_install',
  'base_plus_tiers.tier_waives_installs',
] as const

export type BasePlusTiersCode = (typeof basePlusTiersCodes)[number]
