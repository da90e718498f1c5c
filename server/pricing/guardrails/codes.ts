/**
 * The catalog guardrails of DOMAIN.md's bundle design principles (issue 14), as a closed list: a draft
 * price book breaking one is refused on save with the guardrail's code and the path of the field.
 */
export const guardrailCodes = [
  /** Simple: an offering combines at most 3 element categories (offeringSchema refuses more). */
  'offering_categories_limit',
  /** Market risk: every gift and credit lapses at the end of the month it can be used in. */
  'gift_lapses_monthly',
  /** Market risk: a prepay bonus never equals the whole prepayment (strictly below the smallest one). */
  'prepay_bonus_below_prepayment',
  /** Revenue risk: an existing customer's baseline is never below what they spent before. */
  'existing_baseline_at_prior_spend',
  /** Legal risk: every contract term states the compensation due on early termination. */
  'early_termination_on_term',
  /** Targeted: every offering names the segments it is for (offeringSchema refuses none). */
  'target_segments_named',
] as const

export type GuardrailCode = (typeof guardrailCodes)[number]
