/** The rules a 固网宽带融合包 (fixed_monthly_package) quote line can name. */
export const fixedMonthlyPackageCodes = [
  'fixed_monthly_package.baseline',
  'fixed_monthly_package.baseline_floored_at_prior_spend',
  'fixed_monthly_package.counts_toward_actual',
  'fixed_monthly_package.excess_tier',
  'fixed_monthly_package.standard_install',
  'fixed_monthly_package.broadband_install_waived',
] as const

export type FixedMonthlyPackageCode = (typeof fixedMonthlyPackageCodes)[number]
