import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import nodemailer from 'nodemailer'
import type { Database } from '../../db/schema'
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job'
import type { Services } from '../services/services'
import { isOutboxKind, type Lang, type OutboxKind } from './messages'
import { renderEmail } from './render-email'

export interface OutgoingEmail {
  id: string
  kind: OutboxKind
  recipient: string
  lang: Lang
  subject: string
  text: string
  html: string
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

/**
 * Delivers due messages: `pending` ones whose time has come and `sending` ones whose claim has
 * expired. Each message is claimed just before its delivery by an UPDATE guarded by the status and
 * time it was read with, so of two workers that read the same row only one updates it; the other
 * sees 0 rows changed and skips it. Times are ISO strings, which order correctly as text.
 */
export async function deliverDueMessages(db: Kysely<Database>, deliver: Deliver, now: Date, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { batch = 50, leaseMs = DEFAULT_LEASE_MS } = options
  const at = now.toISOString()
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', at)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(batch)
    .execute()

  const result: DeliveryResult = { sent: 0, failed: 0 }
  for (const row of due) {
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString()
    const claim = await db
      .updateTable('outbox')
      .set({ status: 'sending', next_attempt_at: leaseUntil })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst()
    if (claim.numUpdatedRows !== 1n) continue

    try {
      await deliver(toOutgoing(row))
    } catch (error) {
      const attempts = row.attempts + 1
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
        })
        .where('id', '=', row.id)
        .where('status', '=', 'sending')
        .where('next_attempt_at', '=', leaseUntil)
        .execute()
      result.failed += 1
      options.onError?.(new Error(`outbox message ${row.id} (${row.kind}, attempt ${attempts}) was not delivered: ${describe(error)}`, { cause: error }))
      continue
    }
    // Delivered: whoever holds the claim now, the message has gone out and must not go again.
    await db.updateTable('outbox').set({ status: 'sent', sent_at: at, last_error: null }).where('id', '=', row.id).where('status', '=', 'sending').execute()
    result.sent += 1
  }
  return result
}

/** Renders inside the delivery attempt, so a row that cannot be rendered fails like any other. */
function toOutgoing(row: Database['outbox']): OutgoingEmail {
  if (!isOutboxKind(row.kind)) throw new Error(`unknown message kind ${JSON.stringify(row.kind)}`)
  const lang: Lang = row.lang === 'en' ? 'en' : 'zh'
  const rendered = renderEmail(row.kind, JSON.parse(row.payload_json), lang)
  return { id: row.id, kind: row.kind, recipient: row.recipient, lang, ...rendered }
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
