import type { Defaulted, Optional } from './columns'
import type { InvoiceKind } from '../../server/schemas/invoice-details'

/** Orders, what they hold and owe, their work, events, invoices, proofs and payments. */
export interface OrderTables {
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
    payment_due_at: Optional<string>
    /** When the one payment reminder is due; null once it was sent (or when none is due). */
    payment_reminder_at: Optional<string>
    flagged_reason: string | null
    attribution_json: string | null
    /** The first-year total of the order's quote (migration 0017), summed as a campaign's revenue. */
    first_year_total_fen: Optional<number>
    /** First-touch utm values (copied from attribution_json, migration 0017), counted by campaign reports. */
    utm_source: Optional<string>
    utm_medium: Optional<string>
    utm_campaign: Optional<string>
    utm_term: Optional<string>
    /** The e-mail visit recipient whose link the customer followed before ordering (migration 0016). */
    email_visit_recipient_id: Optional<string>
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
    follow_up_consent: Defaulted<0 | 1>
    /** With consent: the quote and what they had typed (company, contact, mobile, credit code, building). */
    quote_id: Optional<string>
    follow_up_json: Optional<string>
  }
  idempotency_keys: { key: string; request_hash: string; status_code: number; response_json: string; created_at: string }
  stripe_events: { id: string; type: string; order_id: string | null; outcome: string; received_at: string }
}
