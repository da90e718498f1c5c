import Database from 'better-sqlite3'
import type { Selectable } from 'kysely'
import type { Database as Schema } from '../../../db/schema'

/** Rows as the migrations define them (db/schema.ts), narrowed to the columns a query selects. */
type Row<Table extends keyof Schema, Column extends keyof Selectable<Schema[Table]>> = Pick<Selectable<Schema[Table]>, Column>

/**
 * The run's SQLite database (made fresh by playwright.config.ts), opened read-only to check what the
 * server stored. The server keeps writing to it in WAL mode; every query sees the last commit.
 */
export function readDatabase<T>(read: (db: Database.Database) => T): T {
  const path = process.env.E2E_DATABASE_PATH
  if (!path) throw new Error('E2E_DATABASE_PATH is not set: run the browser tests with `npx playwright test` (playwright.config.ts sets it).')
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export type StoredQuote = Row<'quotes', 'id' | 'offering_slug' | 'building_id' | 'attribution_json' | 'estimated_monthly_fen'>

export const storedQuote = (id: string) =>
  readDatabase((db) => db.prepare('select id, offering_slug, building_id, attribution_json, estimated_monthly_fen from quotes where id = ?').get(id) as StoredQuote | undefined)

export type StoredLead = Row<'leads', 'id' | 'source' | 'company' | 'mobile' | 'building_id' | 'manager_id' | 'offering_slug' | 'attribution_json'>

export const storedLead = (id: string) =>
  readDatabase((db) => db.prepare('select id, source, company, mobile, building_id, manager_id, offering_slug, attribution_json from leads where id = ?').get(id) as StoredLead | undefined)

export type LandingViews = Selectable<Schema['landing_views']>

export const landingViews = (path: string) =>
  readDatabase((db) => db.prepare('select day, path, utm_source, utm_medium, utm_campaign, views from landing_views where path = ?').all(path) as LandingViews[])

export type StoredOrder = Selectable<Schema['orders']>

export const storedOrder = (number: string) =>
  readDatabase(
    (db) =>
      db
        .prepare('select * from orders where number = ?')
        .get(number) as StoredOrder | undefined,
  )

/** Everything recorded about one order besides the order row: timeline, work orders, Stripe events, outbox. */
export interface OrderRecords {
  events: Row<'order_events', 'sequence' | 'status' | 'note'>[]
  workOrders: Row<'work_orders', 'kind' | 'status' | 'manager_id' | 'scheduled_date' | 'scheduled_slot'>[]
  stripeEvents: Row<'stripe_events', 'id' | 'type' | 'outcome'>[]
  /** Outbox rows whose payload names the order number (every message about an order does). */
  outbox: Row<'outbox', 'id' | 'kind' | 'recipient' | 'status'>[]
}

export const orderRecords = (orderId: string, number: string): OrderRecords =>
  readDatabase((db) => ({
    events: db.prepare('select sequence, status, note from order_events where order_id = ? order by sequence').all(orderId) as OrderRecords['events'],
    workOrders: db
      .prepare('select kind, status, manager_id, scheduled_date, scheduled_slot from work_orders where order_id = ? order by kind')
      .all(orderId) as OrderRecords['workOrders'],
    stripeEvents: db.prepare('select id, type, outcome from stripe_events where order_id = ? order by received_at').all(orderId) as OrderRecords['stripeEvents'],
    outbox: db
      .prepare("select id, kind, recipient, status from outbox where json_extract(payload_json, '$.orderNumber') = ? order by created_at, kind")
      .all(number) as OrderRecords['outbox'],
  }))

export const ordersForQuote = (quoteId: string) =>
  readDatabase((db) => db.prepare('select number, status from orders where quote_id = ?').all(quoteId) as Row<'orders', 'number' | 'status'>[])

/** The code mailed for a verification, read from the outbox the way the customer reads their mail. */
export const mailedCode = (verificationId: string) =>
  readDatabase(
    (db) =>
      db
        .prepare("select json_extract(payload_json, '$.code') as code from outbox where kind = 'email_verification' and json_extract(payload_json, '$.verificationId') = ?")
        .get(verificationId) as { code: string } | undefined,
  )?.code

/** A building's free ports now (orders reserve them; a cancellation gives them back). */
export const buildingPorts = (buildingId: string) =>
  readDatabase((db) => db.prepare('select free_fibre_ports, free_voice_ports from buildings where id = ?').get(buildingId) as Row<'buildings', 'free_fibre_ports' | 'free_voice_ports'>)

export interface OrderMail {
  kind: string
  recipient: string
  lang: string
  /** `sent` once the outbox worker has delivered it (in a test run: written as a .eml file). */
  status: string
  payload: Record<string, unknown>
}

/** The mails about one order in the outbox, oldest first, with their language and what they say. */
export const orderMails = (number: string): OrderMail[] =>
  readDatabase((db) =>
    (
      db
        .prepare("select kind, recipient, lang, status, payload_json from outbox where json_extract(payload_json, '$.orderNumber') = ? order by created_at, rowid")
        .all(number) as Row<'outbox', 'kind' | 'recipient' | 'lang' | 'status' | 'payload_json'>[]
    ).map(({ payload_json, ...mail }) => ({ ...mail, payload: JSON.parse(payload_json) as Record<string, unknown> })),
  )
