/** The rules a 商务常青 (commitment_plan) quote line can name. */
export const commitmentPlanCodes = [
  'commitment_plan.commitment',
  'commitment_plan.introductory_commitment',
  /** The commitment on an X a member of staff agreed within the negotiation band (assisted quotes). */
  'commitment_plan.negotiated_x',
  'commitment_plan.rental_counts_as_usage',
  'commitment_plan.over_allowance',
  'commitment_plan.broadband_term_price',
  'commitment_plan.broadband_standard_monthly',
  'commitment_plan.standard_install',
  'commitment_plan.joining_waives_installs',
] as const

export type CommitmentPlanCode = (typeof commitmentPlanCodes)[number]
