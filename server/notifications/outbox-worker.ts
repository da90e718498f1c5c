import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PostgresAdapter, type Kysely } from 'kysely'
import nodemailer from 'nodemailer'
import type { Database } from '../../db/schema'
import type { EmailVisitPayload } from '../email-visits/templates'
import { isSuppressed, settleRecipient } from '../repositories/email-visits-repository'
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job'
import type { Services } from '../services/services'
import { DEFAULT_EMAIL_VISITS_PER_MINUTE, isOutboxKind, type Lang, type ManagerNewLeadPayload, type OutboxKind } from './messages'
import { renderEmail } from './render-email'

export interface OutgoingEmail {
  id: string
  kind: OutboxKind
  recipient: string
  lang: Lang
  subject: string
  text: string
  html: string
  /** Extra headers (an e-mail visit's List-Unsubscribe and List-Unsubscribe-Post). */
  headers?: Record<string, string>
}

export type Deliver = (message: OutgoingEmail) => Promise<void>

export interface DeliveryResult {
  sent: number
  failed: number
}

export interface DeliveryOptions {
  /** Most messages looked at in one call. */
  batch?: number
  /** How long a claim holds before another worker may take the message over (a crashed worker's). */
  leaseMs?: number
  /** Told about each failed delivery (the error is also kept in `last_error`). */
  onError?: (error: unknown) => void
  /** E-mail visit mails sent at most per rolling minute across the outbox (EMAIL_VISIT_RATE_PER_MINUTE). */
  emailVisitsPerMinute?: number
}

/** After this many failed attempts a message is `failed`: never retried, left for operations. */
export const MAX_ATTEMPTS = 8
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000
// Longer than one SMTP delivery can take with the timeouts below, so a live claim is not taken over.
const DEFAULT_LEASE_MS = 5 * 60 * 1000

/** 2^attempts minutes (2, 4, 8 … after the 1st, 2nd, 3rd failure), at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 60_000, MAX_BACKOFF_MS)
}

/** Lead notices to one recipient go out at most once per this window; what comes in meanwhile waits and goes as one digest. */
export const LEAD_DIGEST_WINDOW_MS = 5 * 60 * 1000
/** Leads listed in one digest at most (a bigger flood goes in several, one window apart). */
export const LEAD_DIGEST_MAX = 500
const LEAD_NOTICE: OutboxKind = 'manager_new_lead'
const EMAIL_VISIT: OutboxKind = 'email_visit'
const MINUTE_MS = 60_000

type OutboxRow = Database['outbox']

/**
 * Delivers due messages: `pending` ones whose time has come and `sending` ones whose claim has
 * expired. The next message is looked up again before each delivery, by lane (`priority`) and then
 * age, so a customer's mail enqueued during a long pass of notices goes next, not after them.
 * Lead notices to one recipient are throttled: within LEAD_DIGEST_WINDOW_MS of the last one they
 * wait, then all that waited go as one digest.
 *
 * A message is claimed by an UPDATE guarded by the status and time it was read with, and stamped
 * with a token of this attempt: of two workers that read the same rows only one takes each, and
 * the outcome is written to exactly the rows this attempt holds. Times are ISO strings, which order
 * correctly as text.
 */
export async function deliverDueMessages(db: Kysely<Database>, deliver: Deliver, now: Date, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { batch = 50, leaseMs = DEFAULT_LEASE_MS, emailVisitsPerMinute = DEFAULT_EMAIL_VISITS_PER_MINUTE } = options
  const at = now.toISOString()
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString()
  const result: DeliveryResult = { sent: 0, failed: 0 }
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (let looked = 0; looked < batch; looked++) {
    const pick = (from: Kysely<Database>) => claimNextDue(from, now, leaseUntil, emailVisitsPerMinute, postgres)
    // On PostgreSQL the pick is locked (FOR UPDATE SKIP LOCKED) until claimed, in one short transaction:
    // workers in other processes pass over it to the next message instead of racing for the same one.
    const next = postgres ? await db.transaction().execute(pick) : await pick(db)
    if (next === 'none') break
    if (next === 'held') continue
    const { row, claim, claimed } = next

    try {
      await deliver(toOutgoing(claimed))
    } catch (error) {
      for (const message of claimed) {
        const attempts = message.attempts + 1
        const gaveUp = attempts >= MAX_ATTEMPTS
        // Guarded by our own claim: if it expired and another worker took the message over (and maybe
        // sent it), our failure must not put it back to pending.
        await db
          .updateTable('outbox')
          .set({
            status: gaveUp ? 'failed' : 'pending',
            attempts,
            last_error: describe(error).slice(0, 2000),
            next_attempt_at: gaveUp ? at : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
            claim: null,
          })
          .where('id', '=', message.id)
          .where('status', '=', 'sending')
          .where('claim', '=', claim)
          .execute()
      }
      result.failed += 1
      options.onError?.(new Error(`outbox message ${row.id} (${row.kind}, attempt ${row.attempts + 1}) was not delivered: ${describe(error)}`, { cause: error }))
      continue
    }
    // Delivered: whoever holds the claim now, the message has gone out and must not go again.
    await db
      .updateTable('outbox')
      .set({ status: 'sent', sent_at: at, last_error: null })
      .where('id', 'in', claimed.map((message) => message.id))
      .where('status', '=', 'sending')
      .execute()
    if (row.kind === EMAIL_VISIT) await settleRecipient(db, (JSON.parse(row.payload_json) as EmailVisitPayload).recipientId, 'sent', at)
    result.sent += 1
  }
  return result
}

/**
 * The next due message, claimed for this attempt (with a digest's other lead notices): 'none' when
 * nothing is due, 'held' when the one looked at must wait (lead digest window, e-mail visit rate) or
 * was taken by another worker meanwhile.
 */
async function claimNextDue(
  db: Kysely<Database>,
  now: Date,
  leaseUntil: string,
  emailVisitsPerMinute: number,
  skipLocked: boolean,
): Promise<'none' | 'held' | { row: OutboxRow; claim: string; claimed: OutboxRow[] }> {
  const at = now.toISOString()
  const row = await nextDueMessage(db, at, skipLocked)
  if (!row) return 'none'
  if (row.kind === LEAD_NOTICE) {
    const heldUntil = await leadNoticesHeldUntil(db, row.recipient, now)
    if (heldUntil) {
      await db
        .updateTable('outbox')
        .set({ next_attempt_at: heldUntil })
        .where('kind', '=', LEAD_NOTICE)
        .where('recipient', '=', row.recipient)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .execute()
      return 'held'
    }
  }
  if (row.kind === EMAIL_VISIT && (await emailVisitHeld(db, row, now, emailVisitsPerMinute))) return 'held'
  const claim = randomUUID()
  const claimed = row.kind === LEAD_NOTICE ? await claimLeadNotices(db, row.recipient, claim, at, leaseUntil, skipLocked) : await claimOne(db, row, claim, leaseUntil)
  return claimed.length === 0 ? 'held' : { row, claim, claimed }
}

function nextDueMessage(db: Kysely<Database>, at: string, skipLocked: boolean): Promise<OutboxRow | undefined> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', at)
    .orderBy('priority')
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(1)
    .$if(skipLocked, (query) => query.forUpdate().skipLocked())
    .executeTakeFirst()
}

async function claimOne(db: Kysely<Database>, row: OutboxRow, claim: string, leaseUntil: string): Promise<OutboxRow[]> {
  const taken = await db
    .updateTable('outbox')
    .set({ status: 'sending', next_attempt_at: leaseUntil, claim })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst()
  return taken.numUpdatedRows === 1n ? [{ ...row, status: 'sending', next_attempt_at: leaseUntil, claim }] : []
}

/** Every due lead notice to the recipient (oldest first, up to LEAD_DIGEST_MAX), for one mail. */
async function claimLeadNotices(db: Kysely<Database>, recipient: string, claim: string, at: string, leaseUntil: string, skipLocked: boolean): Promise<OutboxRow[]> {
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('kind', '=', LEAD_NOTICE)
    .where('recipient', '=', recipient)
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', at)
    .orderBy('created_at')
    .orderBy('id')
    .limit(LEAD_DIGEST_MAX)
    .$if(skipLocked, (query) => query.forUpdate().skipLocked())
  await db
    .updateTable('outbox')
    .set({ status: 'sending', next_attempt_at: leaseUntil, claim })
    .where('id', 'in', due)
    // Read again under the row lock: a row another worker claimed meanwhile is no longer due.
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', at)
    .execute()
  return db.selectFrom('outbox').selectAll().where('claim', '=', claim).where('status', '=', 'sending').orderBy('created_at').orderBy('id').execute()
}

/** While a lead notice to the recipient went out less than a window ago: when the next may go. */
async function leadNoticesHeldUntil(db: Kysely<Database>, recipient: string, now: Date): Promise<string | undefined> {
  const last = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('sent_at').as('sent_at'))
    .where('kind', '=', LEAD_NOTICE)
    .where('recipient', '=', recipient)
    .where('status', '=', 'sent')
    .executeTakeFirst()
  if (!last?.sent_at) return undefined
  const until = Date.parse(last.sent_at) + LEAD_DIGEST_WINDOW_MS
  return until > now.getTime() ? new Date(until).toISOString() : undefined
}

/**
 * Whether an e-mail visit mail must not go now. An address that unsubscribed after the visit was
 * scheduled is skipped for good (the row becomes `skipped`, the recipient `skipped_unsubscribed`).
 * Over the rate, every due visit mail waits until the oldest send of the last minute leaves the window.
 */
async function emailVisitHeld(db: Kysely<Database>, row: OutboxRow, now: Date, perMinute: number): Promise<boolean> {
  const at = now.toISOString()
  if (await isSuppressed(db, row.recipient)) {
    const skipped = await db
      .updateTable('outbox')
      .set({ status: 'skipped', last_error: 'unsubscribed', claim: null })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst()
    if (skipped.numUpdatedRows === 1n) await settleRecipient(db, (JSON.parse(row.payload_json) as EmailVisitPayload).recipientId, 'skipped_unsubscribed', at)
    return true
  }
  const windowStart = new Date(now.getTime() - MINUTE_MS).toISOString()
  const recent = await db
    .selectFrom('outbox')
    .select((eb) => [eb.fn.countAll<number | string>().as('sent'), eb.fn.min('sent_at').as('oldest')])
    .where('kind', '=', EMAIL_VISIT)
    .where('status', '=', 'sent')
    .where('sent_at', '>', windowStart)
    .executeTakeFirst()
  if (Number(recent?.sent ?? 0) < perMinute || !recent?.oldest) return false
  const until = new Date(Date.parse(recent.oldest) + MINUTE_MS).toISOString()
  // A visit mail whose claim expired (its worker died) waits with the others rather than being looked at again and again.
  await db.updateTable('outbox').set({ next_attempt_at: until }).where('kind', '=', EMAIL_VISIT).where('status', 'in', ['pending', 'sending']).where('next_attempt_at', '<=', at).execute()
  return true
}

/**
 * Renders inside the delivery attempt, so a row that cannot be rendered fails like any other.
 * Several lead notices become one digest, named by the first one's id.
 */
function toOutgoing(rows: OutboxRow[]): OutgoingEmail {
  const [first] = rows
  if (!isOutboxKind(first.kind)) throw new Error(`unknown message kind ${JSON.stringify(first.kind)}`)
  const lang: Lang = first.lang === 'en' ? 'en' : 'zh'
  if (rows.length > 1) {
    const leads = rows.map((row) => JSON.parse(row.payload_json) as ManagerNewLeadPayload)
    return { id: first.id, kind: 'manager_lead_digest', recipient: first.recipient, lang, ...renderEmail('manager_lead_digest', { leads }, lang) }
  }
  const payload = JSON.parse(first.payload_json)
  const rendered = renderEmail(first.kind, payload, lang)
  const headers = first.kind === EMAIL_VISIT ? unsubscribeHeaders(payload as EmailVisitPayload) : undefined
  return { id: first.id, kind: first.kind, recipient: first.recipient, lang, ...rendered, ...(headers ? { headers } : {}) }
}

/** RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the link, no page needed. */
function unsubscribeHeaders(payload: EmailVisitPayload): Record<string, string> {
  return { 'List-Unsubscribe': `<${payload.oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export const MAIL_FROM = 'Office Bundles <no-reply@example-telecom.cn>'
const MESSAGE_ID_DOMAIN = 'example-telecom.cn'

// nodemailer waits up to 10 minutes on a silent socket by default; keep one delivery well inside the lease.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }

export interface MailTransport {
  /** 'smtp' or 'eml', for the start-up log. */
  kind: 'smtp' | 'eml'
  deliver: Deliver
  close: () => void
}

const mailOf = (message: OutgoingEmail) => ({
  from: MAIL_FROM,
  to: message.recipient,
  subject: message.subject,
  text: message.text,
  html: message.html,
  // Same id on every attempt, so a receiving system can tell a repeat from a new mail.
  messageId: `<${message.id}@${MESSAGE_ID_DOMAIN}>`,
  ...(message.headers ? { headers: message.headers } : {}),
})

/**
 * With SMTP_URL, sends through that server. Without one (development, tests) writes each message
 * as `${outboxDir}/${id}.eml`: named by message id, and skipped when it is already there, so a crash
 * between delivering and marking sent cannot make a second file.
 */
export function createMailTransport(smtpUrl: string | undefined, outboxDir: string): MailTransport {
  if (smtpUrl) {
    const url = new URL(smtpUrl)
    // nodemailer reads transport options from the query string; settings given there win.
    for (const [key, value] of Object.entries(SMTP_TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, String(value))
    const transporter = nodemailer.createTransport(url.toString())
    return {
      kind: 'smtp',
      deliver: async (message) => {
        await transporter.sendMail(mailOf(message))
      },
      close: () => transporter.close(),
    }
  }
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'eml',
    deliver: async (message) => {
      const target = join(outboxDir, `${message.id}.eml`)
      if (existsSync(target)) return
      const { message: composed } = await composer.sendMail(mailOf(message))
      // nodemailer 7.0.13 logs the transport's `newline` but still writes CRLF into the buffer; the
      // message is 7-bit after encoding, so converting bytes through latin1 changes nothing else.
      const raw = Buffer.from(composed.toString('latin1').replace(/\r\n/g, '\n'), 'latin1')
      await mkdir(outboxDir, { recursive: true })
      // Written under a hidden temporary name, then renamed: a reader never sees half a file.
      const temporary = join(outboxDir, `.${message.id}.${randomBytes(4).toString('hex')}.tmp`)
      try {
        await writeFile(temporary, raw)
        await rename(temporary, target)
      } finally {
        await rm(temporary, { force: true })
      }
    },
    close: () => composer.close(),
  }
}

export type OutboxWorker = PeriodicJob<DeliveryResult>

/**
 * Polls the outbox every `intervalMs` (passes never overlap; see startPeriodicJob). `runOnce` never
 * rejects: errors are logged.
 */
export function startOutboxWorker(
  services: Pick<Services, 'db' | 'now' | 'log'>,
  deliver: Deliver,
  { intervalMs = 2000, ...options }: DeliveryOptions & { intervalMs?: number } = {},
): OutboxWorker {
  return startPeriodicJob(() => deliverDueMessages(services.db, deliver, services.now(), { onError: services.log, ...options }), {
    intervalMs,
    log: services.log,
    failed: { sent: 0, failed: 0 },
  })
}
