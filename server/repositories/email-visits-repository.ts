import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type EmailVisitRow = Selectable<Database['email_visits']>
export type EmailVisitRecipientRow = Selectable<Database['email_visit_recipients']>

/** What became of one recipient's mail. */
export const recipientStatuses = ['queued', 'sent', 'skipped_unsubscribed', 'skipped_no_email', 'skipped_duplicate', 'skipped_cancelled'] as const
export type RecipientStatus = (typeof recipientStatuses)[number]

/** Suppressions are kept by address in lower case: `Boss@X.cn` and `boss@x.cn` are one mailbox to us. */
export const suppressionKey = (email: string) => email.trim().toLowerCase()

export async function findEmailVisit(db: Kysely<Database>, id: string): Promise<EmailVisitRow | undefined> {
  return db.selectFrom('email_visits').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertEmailVisit(db: Kysely<Database>, visit: Insertable<Database['email_visits']>): Promise<void> {
  await db.insertInto('email_visits').values(visit).execute()
}

export async function insertEmailVisitRecipients(db: Kysely<Database>, recipients: Insertable<Database['email_visit_recipients']>[]): Promise<void> {
  // Chunked: PostgreSQL and SQLite both cap the bound parameters of one statement.
  for (let start = 0; start < recipients.length; start += 500) {
    await db.insertInto('email_visit_recipients').values(recipients.slice(start, start + 500)).execute()
  }
}

/** The addresses among `emails` that unsubscribed (lower case). */
export async function suppressedAmong(db: Kysely<Database>, emails: readonly string[]): Promise<Set<string>> {
  const keys = [...new Set(emails.map(suppressionKey))]
  const found = new Set<string>()
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await db.selectFrom('email_suppressions').select('email').where('email', 'in', keys.slice(start, start + 500)).execute()
    for (const row of rows) found.add(row.email)
  }
  return found
}

export async function isSuppressed(db: Kysely<Database>, email: string): Promise<boolean> {
  return (await suppressedAmong(db, [email])).size > 0
}

/** Records an unsubscribe; a second one for the same address changes nothing (the first time stays). */
export async function suppressEmail(db: Kysely<Database>, email: string, token: string, at: string): Promise<void> {
  await db
    .insertInto('email_suppressions')
    .values({ email: suppressionKey(email), unsubscribed_at: at, token })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .execute()
}

export async function findRecipientByToken(db: Kysely<Database>, token: string): Promise<(EmailVisitRecipientRow & { visit: EmailVisitRow }) | undefined> {
  const recipient = await db.selectFrom('email_visit_recipients').selectAll().where('token', '=', token).executeTakeFirst()
  if (!recipient) return undefined
  const visit = await db.selectFrom('email_visits').selectAll().where('id', '=', recipient.visit_id).executeTakeFirstOrThrow()
  return { ...recipient, visit }
}

export async function countRecipientClick(db: Kysely<Database>, recipientId: string, at: string): Promise<void> {
  await db
    .updateTable('email_visit_recipients')
    .set((eb) => ({ clicks: eb('clicks', '+', 1), first_clicked_at: eb.fn.coalesce('first_clicked_at', eb.val(at)) }))
    .where('id', '=', recipientId)
    .execute()
}

/** Moves a queued recipient on (sent, or skipped at delivery); a recipient no longer queued is left as it is. */
export async function settleRecipient(db: Kysely<Database>, recipientId: string, status: Exclude<RecipientStatus, 'queued'>, at: string): Promise<void> {
  await db
    .updateTable('email_visit_recipients')
    .set({ status, sent_at: status === 'sent' ? at : null })
    .where('id', '=', recipientId)
    .where('status', '=', 'queued')
    .execute()
}

/** Sets the visit a lead or order came from, once: a later click does not take over an attributed record. */
export async function attributeToRecipient(db: Kysely<Database>, table: 'leads' | 'orders', id: string, recipientId: string): Promise<void> {
  await db.updateTable(table).set({ email_visit_recipient_id: recipientId }).where('id', '=', id).where('email_visit_recipient_id', 'is', null).execute()
}

/**
 * Cancels what is left of a visit: its outbox mails still pending (not being sent this moment) become
 * skipped, and their recipients `skipped_cancelled`. Answers how many were cancelled.
 */
export async function cancelQueuedRecipients(db: Kysely<Database>, visitId: string): Promise<number> {
  const queued = await db.selectFrom('email_visit_recipients').select(['id', 'email']).where('visit_id', '=', visitId).where('status', '=', 'queued').execute()
  if (queued.length === 0) return 0
  const ids = new Set(queued.map((row) => row.id))
  // The outbox knows a visit mail's recipient row only from its payload: narrowed by address, then read.
  const emails = [...new Set(queued.flatMap((row) => (row.email ? [row.email] : [])))]
  const mine: string[] = []
  for (let start = 0; start < emails.length; start += 500) {
    const rows = await db.selectFrom('outbox').select(['id', 'payload_json']).where('kind', '=', 'email_visit').where('status', '=', 'pending').where('recipient', 'in', emails.slice(start, start + 500)).execute()
    for (const row of rows) {
      const recipientId = (JSON.parse(row.payload_json) as { recipientId?: string }).recipientId
      if (recipientId && ids.has(recipientId)) mine.push(row.id)
    }
  }
  let cancelled = 0
  for (let start = 0; start < mine.length; start += 500) {
    const chunk = mine.slice(start, start + 500)
    // Still pending: a mail the worker claimed meanwhile goes, and its recipient stays queued until it is sent.
    const skipped = await db.updateTable('outbox').set({ status: 'skipped', last_error: 'cancelled', claim: null }).where('id', 'in', chunk).where('status', '=', 'pending').returning(['payload_json']).execute()
    const recipientIds = skipped.map((row) => (JSON.parse(row.payload_json) as { recipientId: string }).recipientId)
    if (recipientIds.length > 0) {
      await db.updateTable('email_visit_recipients').set({ status: 'skipped_cancelled' }).where('id', 'in', recipientIds).where('status', '=', 'queued').execute()
    }
    cancelled += recipientIds.length
  }
  return cancelled
}

export interface EmailVisitSummary extends EmailVisitRow {
  recipients: number
  queued: number
  cancelled: number
  sent: number
  skipped: number
  clicked: number
  clicks: number
  leads: number
  orders: number
}

/** Visits newest first with what they did: mails sent and skipped, recipients who clicked, leads and orders attributed. */
export async function listEmailVisits(db: Kysely<Database>, managerId: string | 'all', limit: number, visitId?: string): Promise<EmailVisitSummary[]> {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`
  let query = db
    .selectFrom('email_visits as v')
    .leftJoin('email_visit_recipients as r', 'r.visit_id', 'v.id')
    .selectAll('v')
    .select([
      sql<number>`count(r.id)`.as('recipients'),
      count(sql`r.status = 'queued'`).as('queued'),
      count(sql`r.status = 'sent'`).as('sent'),
      count(sql`r.status = 'skipped_cancelled'`).as('cancelled'),
      count(sql`r.status like 'skipped%'`).as('skipped'),
      count(sql`r.clicks > 0`).as('clicked'),
      sql<number>`coalesce(sum(r.clicks), 0)`.as('clicks'),
      sql<number>`(select count(*) from leads l join email_visit_recipients lr on lr.id = l.email_visit_recipient_id where lr.visit_id = v.id)`.as('leads'),
      sql<number>`(select count(*) from orders o join email_visit_recipients orr on orr.id = o.email_visit_recipient_id where orr.visit_id = v.id)`.as('orders'),
    ])
    .groupBy(['v.id', 'v.created_by', 'v.manager_id', 'v.lang', 'v.template', 'v.offerings_json', 'v.utm_campaign', 'v.send_at', 'v.created_at'])
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
  if (managerId !== 'all') query = query.where('v.manager_id', '=', managerId)
  if (visitId) query = query.where('v.id', '=', visitId)
  const rows = await query.execute()
  // PostgreSQL answers count() and sum() as bigint strings.
  return rows.map((row) => ({
    ...row,
    recipients: Number(row.recipients),
    queued: Number(row.queued ?? 0),
    sent: Number(row.sent ?? 0),
    cancelled: Number(row.cancelled ?? 0),
    skipped: Number(row.skipped ?? 0),
    clicked: Number(row.clicked ?? 0),
    clicks: Number(row.clicks ?? 0),
    leads: Number(row.leads),
    orders: Number(row.orders),
  }))
}

/** One recipient of a visit as its page lists it: no token (the recipient's own key). */
export interface RecipientResult {
  id: string
  company: string
  email: string | null
  status: RecipientStatus
  sentAt: string | null
  clicks: number
  firstClickedAt: string | null
  leads: number
  orders: number
}

/** A visit's recipients by company, each with its mail's status, clicks, and the leads and orders attributed to it. */
export async function recipientResults(db: Kysely<Database>, visitId: string): Promise<RecipientResult[]> {
  const rows = await db
    .selectFrom('email_visit_recipients as r')
    .select([
      'r.id',
      'r.company',
      'r.email',
      'r.status',
      'r.sent_at',
      'r.clicks',
      'r.first_clicked_at',
      sql<number>`(select count(*) from leads l where l.email_visit_recipient_id = r.id)`.as('leads'),
      sql<number>`(select count(*) from orders o where o.email_visit_recipient_id = r.id)`.as('orders'),
    ])
    .where('r.visit_id', '=', visitId)
    .orderBy('r.company')
    .orderBy('r.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    company: row.company,
    email: row.email,
    status: row.status as RecipientStatus,
    sentAt: row.sent_at,
    clicks: Number(row.clicks),
    firstClickedAt: row.first_clicked_at,
    leads: Number(row.leads),
    orders: Number(row.orders),
  }))
}

export async function recipientsOf(db: Kysely<Database>, visitId: string): Promise<EmailVisitRecipientRow[]> {
  return db.selectFrom('email_visit_recipients').selectAll().where('visit_id', '=', visitId).orderBy('company').orderBy('id').execute()
}
