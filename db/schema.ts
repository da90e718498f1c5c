import type { ColumnType, Selectable } from 'kysely'
import type { AuditActorKind, AuditSubjectKind } from '../server/domain/audit'
import type { CatalogDraftStatus } from '../server/domain/catalog-draft-status'
import type { StaffRole } from '../server/domain/staff-roles'
import type { InvoiceKind } from '../server/schemas/invoice-details'

/** Row types of the tables the migrations create. Booleans are integers 0/1 on both databases. */
export interface Database {
  catalog_versions: { id: string; sequence: number; content_hash: string; created_at: string }
  catalog_components: {
    catalog_version: string
    code: string
    position: number
    name_zh: string
    name_en: string
    category: string
    monthly_fen: number
    install_fen: number
    speed_mbps: number | null
    needs_json: string
  }
  catalog_term_prices: { catalog_version: string; component_code: string; term_months: number; monthly_fen: number }
  catalog_offerings: { catalog_version: string; slug: string; position: number; listed: number; definition_json: string }
  /** A proposed price book on its way through approval (migration 0018); book_json is always a valid price book. */
  catalog_drafts: {
    id: string
    title: string
    status: CatalogDraftStatus
    base_version: string
    book_json: string
    revision: number
    author_id: string
    created_at: string
    updated_at: string
    submitted_at: ColumnType<string | null, string | null | undefined, string | null>
    decided_by: ColumnType<string | null, string | null | undefined, string | null>
    decided_at: ColumnType<string | null, string | null | undefined, string | null>
    decision_comment: ColumnType<string | null, string | null | undefined, string | null>
    catalog_version: ColumnType<string | null, string | null | undefined, string | null>
  }
  /** Which catalog version applies from when, until when and where (null scope: everywhere). */
  catalog_releases: {
    id: string
    catalog_version: string
    draft_id: string | null
    publish_at: string
    valid_until: string | null
    districts_json: string | null
    building_ids_json: string | null
    released_by: string | null
    created_at: string
    withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>
    withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>
  }
  building_managers: {
    id: string
    name: string
    name_en: string
    phone: string
    email: string
    district: string
    /** 1 for the district's lead (at most one per district), to whom untouched leads are escalated. */
    district_lead: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>
  }
  buildings: {
    id: string
    name_zh: string
    name_en: string
    address_zh: string
    address_en: string
    district: string
    grade: string
    free_fibre_ports: number
    free_voice_ports: number
    max_broadband_mbps: number
    tenants: number
    same_day_install: number
    manager_id: string | null
    /** 1 when a competitor holds the building exclusively (it is then no target). */
    competitor_exclusive: ColumnType<number, number | undefined, number>
    /** How many tenant companies the building has (rows of `tenants`), kept with every tenant write. */
    tenant_companies: ColumnType<number, number | undefined, number>
  }
  offer_codes: {
    code: string
    offering_slug: string
    company_name: string
    building_id: string | null
    issued_by: string | null
    /** The company the code was issued to (unified social credit code); null on codes issued before codes were bound. */
    credit_code: ColumnType<string | null, string | null | undefined, string | null>
    expires_at: string
    used_at: ColumnType<string | null, string | null | undefined, string | null>
    /** Console-issued codes (migration 0014): the staff user who issued it, when, and the address it was mailed to. */
    issued_by_user: ColumnType<string | null, string | null | undefined, string | null>
    issued_at: ColumnType<string | null, string | null | undefined, string | null>
    emailed_to: ColumnType<string | null, string | null | undefined, string | null>
    /** A revoked code is refused everywhere; revoked once, never restored. */
    revoked_at: ColumnType<string | null, string | null | undefined, string | null>
    revoked_by: ColumnType<string | null, string | null | undefined, string | null>
    revoke_reason: ColumnType<string | null, string | null | undefined, string | null>
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
    utm_source: ColumnType<string | null, string | null | undefined, string | null>
    utm_medium: ColumnType<string | null, string | null | undefined, string | null>
    utm_campaign: ColumnType<string | null, string | null | undefined, string | null>
    utm_term: ColumnType<string | null, string | null | undefined, string | null>
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
    credit_code: ColumnType<string | null, string | null | undefined, string | null>
    email: ColumnType<string | null, string | null | undefined, string | null>
    /** YYYY-MM-DD: when the manager means to follow up next (open leads only). */
    follow_up_on: ColumnType<string | null, string | null | undefined, string | null>
    /** A lost lead's reason (lead-status.ts `leadLostReasons`) and the manager's words about it. */
    lost_reason: ColumnType<string | null, string | null | undefined, string | null>
    lost_note: ColumnType<string | null, string | null | undefined, string | null>
    /** The order that won the lead. */
    order_id: ColumnType<string | null, string | null | undefined, string | null>
    /** When staff first did anything with the lead (the response SLA stops then). */
    touched_at: ColumnType<string | null, string | null | undefined, string | null>
    /** When the untouched lead was escalated to the district lead (once). */
    escalated_at: ColumnType<string | null, string | null | undefined, string | null>
    updated_at: ColumnType<string | null, string | null | undefined, string | null>
    /** First-touch utm values (copied from attribution_json, migration 0017), counted by campaign reports. */
    utm_source: ColumnType<string | null, string | null | undefined, string | null>
    utm_medium: ColumnType<string | null, string | null | undefined, string | null>
    utm_campaign: ColumnType<string | null, string | null | undefined, string | null>
    utm_term: ColumnType<string | null, string | null | undefined, string | null>
    /** The e-mail visit recipient whose link the visitor followed before leaving the lead (migration 0016). */
    email_visit_recipient_id: ColumnType<string | null, string | null | undefined, string | null>
  }
  /** What staff wrote about a lead, oldest first; never changed. */
  lead_notes: { id: string; lead_id: string; author_id: string | null; body: string; created_at: string }
  /** Views per Shanghai day (UTC day before migration 0017), page and campaign; '' is "none", '(other)' an unlisted value. */
  landing_views: { day: string; path: string; utm_source: string; utm_medium: string; utm_campaign: string; utm_term: string; views: number }
  orders: {
    id: string
    number: string
    quote_id: string
    status: string
    payment_method: string
    amount_due_fen: number
    monthly_fen: number
    currency: string
    company_name: string
    credit_code: string
    contact_name: string
    contact_mobile: string
    contact_email: string
    lang: string
    building_id: string
    floor: string
    unit: string
    install_date: string
    install_slot: string
    manager_id: string | null
    queue_district: string | null
    fibre_ports_reserved: number
    voice_ports_reserved: number
    tracking_token: string
    stripe_session_id: string | null
    /** While waiting for payment: when the order is cancelled and its ports released if still unpaid. */
    payment_due_at: ColumnType<string | null, string | null | undefined, string | null>
    /** When the one payment reminder is due; null once it was sent (or when none is due). */
    payment_reminder_at: ColumnType<string | null, string | null | undefined, string | null>
    flagged_reason: string | null
    attribution_json: string | null
    /** The first-year total of the order's quote (migration 0017), summed as a campaign's revenue. */
    first_year_total_fen: ColumnType<number | null, number | null | undefined, number | null>
    /** First-touch utm values (copied from attribution_json, migration 0017), counted by campaign reports. */
    utm_source: ColumnType<string | null, string | null | undefined, string | null>
    utm_medium: ColumnType<string | null, string | null | undefined, string | null>
    utm_campaign: ColumnType<string | null, string | null | undefined, string | null>
    utm_term: ColumnType<string | null, string | null | undefined, string | null>
    /** The e-mail visit recipient whose link the customer followed before ordering (migration 0016). */
    email_visit_recipient_id: ColumnType<string | null, string | null | undefined, string | null>
    terms_accepted_at: string
    created_at: string
    updated_at: string
  }
  order_items: {
    order_id: string
    position: number
    kind: string
    code: string
    label_zh: string
    label_en: string
    quantity: number | null
    amount_fen: number
    waived: number
    rule: string
  }
  /** Trigrams of an order's number, company, credit code and mobile (server/domain/search-grams.ts). */
  order_search_grams: { gram: string; order_id: string }
  /** Orders placed and not yet under their search trigrams (migration 0022); the search-index job empties it. */
  order_search_backlog: { order_id: string; queued_at: string }
  /** A row to lock while booking installations into a district's half-day (see migration 0010). */
  install_slot_locks: { district: string; install_date: string; install_slot: string; locked_at: string }
  work_orders: {
    id: string
    order_id: string
    kind: string
    status: string
    details_json: string
    manager_id: string | null
    queue_district: string | null
    scheduled_date: string | null
    scheduled_slot: string | null
    created_at: string
  }
  /** The buyer on the order's VAT invoice; the registered details only on a special invoice. */
  order_invoices: {
    order_id: string
    kind: InvoiceKind
    title: string
    taxpayer_id: string
    registered_address: string | null
    registered_phone: string | null
    bank_name: string | null
    bank_account: string | null
    updated_at: string
  }
  order_events: { order_id: string; sequence: number; status: string; note: string | null; created_at: string }
  outbox: {
    id: string
    kind: string
    recipient: string
    lang: string
    payload_json: string
    status: string
    attempts: number
    next_attempt_at: string
    last_error: string | null
    sent_at: string | null
    created_at: string
    /** Lower goes first (messages.ts `outboxPriority`): customers' mail is never queued behind notices. */
    priority: number
    /** The token of the delivery attempt that holds the row while `sending`. */
    claim: string | null
  }
  /** One-time codes proving a contact reads the address an order will write to; only hashes are kept. */
  email_verifications: {
    id: string
    email: string
    code_hash: string
    attempts: number
    expires_at: string
    confirmed_at: string | null
    used_at: string | null
    order_id: string | null
    created_at: string
    /** 1 when the customer agreed, when asking for the code, to be called about their quote if they do not order. */
    follow_up_consent: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>
    /** With consent: the quote and what they had typed (company, contact, mobile, credit code, building). */
    quote_id: ColumnType<string | null, string | null | undefined, string | null>
    follow_up_json: ColumnType<string | null, string | null | undefined, string | null>
  }
  /** A company at a building, from imported tenant lists (migration 0013); cleaned values only. */
  tenants: {
    id: string
    building_id: string
    company: string
    /** The company name as duplicates are found: NFKC, lower case, no spaces. */
    name_key: string
    /** The name key as the imported lists spell the company, when a manager has since corrected the name. */
    listed_name_key: string | null
    credit_code: string | null
    floor: string | null
    unit: string | null
    contact_name: string | null
    mobile: string | null
    email: string | null
    staff_size: number | null
    carrier: string | null
    /** JSON array of the fields a manager edited by hand: imports leave them alone. */
    edited_fields: string
    /** The import that last wrote the row (null when only edited by hand). */
    import_id: string | null
    created_at: string
    updated_at: string
  }
  /** One tenant list import (a background job): progress while it runs, its report when done. */
  tenant_imports: {
    id: string
    building_id: string | null
    scope_key: string
    content_hash: string
    file_name: string
    file_format: ColumnType<string | null, string | null | undefined, string | null>
    imported_by: string | null
    /** queued → running → done | failed */
    status: string
    rows_total: Counter
    rows_done: Counter
    inserted: Counter
    updated: Counter
    unchanged: Counter
    merged: Counter
    refused: Counter
    report_json: ColumnType<string | null, string | null | undefined, string | null>
    failure: ColumnType<string | null, string | null | undefined, string | null>
    created_at: string
    started_at: ColumnType<string | null, string | null | undefined, string | null>
    finished_at: ColumnType<string | null, string | null | undefined, string | null>
    heartbeat_at: string
  }
  /** One e-mail visit: a manager's templated offer mailed to chosen tenants at a time (migration 0016). */
  email_visits: {
    id: string
    created_by: string
    manager_id: string | null
    lang: string
    template: string
    /** JSON array of offering slugs. */
    offerings_json: string
    utm_campaign: string
    send_at: string
    created_at: string
  }
  /** A tenant an e-mail visit was addressed to; `token` is carried by its links (clicks, unsubscribe). */
  email_visit_recipients: {
    id: string
    visit_id: string
    tenant_id: string
    building_id: string
    email: string | null
    company: string
    token: string
    /** queued | sent | skipped_unsubscribed | skipped_no_email */
    status: string
    clicks: ColumnType<number, number | undefined, number>
    first_clicked_at: string | null
    sent_at: string | null
  }
  /** Addresses (lower case) that unsubscribed from e-mail visits: never mailed a visit again. */
  email_suppressions: { email: string; unsubscribed_at: string; token: string | null }
  idempotency_keys: { key: string; request_hash: string; status_code: number; response_json: string; created_at: string }
  rate_limits: { key: string; points: number; expire: number | null }
  form_flashes: { id: string; payload_json: string; expires_at: string }
  campaign_values: { parameter: string; value: string }
  /** A campaign (战役, migration 0017): its channel (server/domain/campaign-channels.ts), link value and Shanghai days. */
  campaigns: {
    id: string
    name: string
    channel: string
    utm_campaign: string
    /** YYYY-MM-DD, Shanghai: the first and last day counted. */
    starts_on: string
    ends_on: string
    created_by: string | null
    created_at: string
    updated_at: string
  }
  campaign_offerings: { campaign_id: string; offering_slug: string }
  campaign_buildings: { campaign_id: string; building_id: string }
  stripe_events: { id: string; type: string; order_id: string | null; outcome: string; received_at: string }
  staff_users: {
    id: string
    email: string
    display_name: string
    /** argon2id, in its PHC string form (algorithm, parameters and salt included). */
    password_hash: string
    /** For a manager: the building_managers row whose buildings they see. */
    manager_id: string | null
    disabled: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>
    created_at: string
    updated_at: string
  }
  staff_user_roles: { user_id: string; role: StaffRole }
  /** `id_hash` is the SHA-256 of the session id in the cookie; the id itself is never stored. */
  staff_sessions: { id_hash: string; user_id: string; created_at: string; last_seen_at: string; expires_at: string }
  audit_log: {
    id: string
    at: string
    actor_kind: AuditActorKind
    /** The staff user, when actor_kind is `staff`. */
    actor_id: string | null
    /** What was done, namespaced by subject, e.g. `staff_user.roles_changed`. */
    action: string
    subject_kind: AuditSubjectKind
    subject_id: string
    before_json: string | null
    after_json: string | null
    reason: string | null
  }
}

/** A count that starts at 0 (the column's default). */
type Counter = ColumnType<number, number | undefined, number>

export type BuildingRow = Selectable<Database['buildings']>
export type ManagerRow = Selectable<Database['building_managers']>
