import type { Optional } from './columns'

/** Leads and what staff wrote about them. */
export interface LeadTables {
  leads: {
    id: string
    source: string
    company: string
    contact_name: string
    mobile: string
    note: string | null
    lang: string
    building_id: string | null
    offering_slug: string | null
    quote_id: string | null
    manager_id: string | null
    queue_district: string | null
    attribution_json: string | null
    /** A lead status (server/domain/lead-status.ts). */
    status: string
    created_at: string
    /** The company's unified social credit code and the verified e-mail, when the lead came with them. */
    credit_code: Optional<string>
    email: Optional<string>
    /** YYYY-MM-DD: when the manager means to follow up next (open leads only). */
    follow_up_on: Optional<string>
    /** A lost lead's reason (lead-status.ts `leadLostReasons`) and the manager's words about it. */
    lost_reason: Optional<string>
    lost_note: Optional<string>
    /** The order that won the lead. */
    order_id: Optional<string>
    /** When staff first did anything with the lead (the response SLA stops then). */
    touched_at: Optional<string>
    /** When the untouched lead was escalated to the district lead (once). */
    escalated_at: Optional<string>
    updated_at: Optional<string>
    /** First-touch utm values (copied from attribution_json, migration 0017), counted by campaign reports. */
    utm_source: Optional<string>
    utm_medium: Optional<string>
    utm_campaign: Optional<string>
    utm_term: Optional<string>
    /** The e-mail visit recipient whose link the visitor followed before leaving the lead (migration 0016). */
    email_visit_recipient_id: Optional<string>
  }
  /** What staff wrote about a lead, oldest first; never changed. */
  lead_notes: { id: string; lead_id: string; author_id: string | null; body: string; created_at: string }
}
