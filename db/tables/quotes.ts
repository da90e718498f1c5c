import type { Optional } from './columns'

/** Stored quotes, the offer codes they may be priced with, and quotes staff set by hand. */
export interface QuoteTables {
  offer_codes: {
    code: string
    offering_slug: string
    company_name: string
    building_id: string | null
    issued_by: string | null
    /** The company the code was issued to (unified social credit code); null on codes issued before codes were bound. */
    credit_code: Optional<string>
    expires_at: string
    used_at: Optional<string>
    /** Console-issued codes (migration 0014): the staff user who issued it, when, and the address it was mailed to. */
    issued_by_user: Optional<string>
    issued_at: Optional<string>
    emailed_to: Optional<string>
    /** A revoked code is refused everywhere; revoked once, never restored. */
    revoked_at: Optional<string>
    revoked_by: Optional<string>
    revoke_reason: Optional<string>
  }
  quotes: {
    id: string
    catalog_version: string
    offering_slug: string
    building_id: string | null
    offer_code: string | null
    term_months: number
    estimated_monthly_fen: number
    one_time_total_fen: number
    first_year_total_fen: number
    request_json: string
    quote_json: string
    attribution_json: string | null
    /** First-touch utm values (copied from attribution_json, migration 0017), counted by campaign reports. */
    utm_source: Optional<string>
    utm_medium: Optional<string>
    utm_campaign: Optional<string>
    utm_term: Optional<string>
    created_at: string
    expires_at: string
  }
  /** A quote whose X a member of staff set by hand (console), beside the stored quote: who, why, from what. */
  assisted_quotes: {
    quote_id: string
    building_id: string
    staff_user_id: string
    company_name: string
    credit_code: string
    contact_name: string
    contact_email: string
    lang: string
    declared_x_fen: number
    negotiated_x_fen: number
    reason: string
    created_at: string
  }
}
