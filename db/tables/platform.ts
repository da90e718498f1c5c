/** What the server itself keeps: outgoing mail, rate-limit counters, form answers across a redirect. */
export interface PlatformTables {
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
  rate_limits: { key: string; points: number; expire: number | null }
  form_flashes: { id: string; payload_json: string; expires_at: string }
}
