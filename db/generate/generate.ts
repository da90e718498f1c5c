import { hash } from '@node-rs/argon2'
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { indexOrdersForSearch } from '../../server/repositories/order-search-repository'
import { seedDatabase } from '../seed/seed'
import { liveRelease } from '../../server/catalog-management/release-resolution'
import { listReleases } from '../../server/repositories/catalog-releases-repository'
import type { Database } from '../schema'
import { insertRows } from './batch-insert'
import { attributionColumns, campaignAttribution, insertGeneratedCampaigns } from './campaigns'
import { generateOrder, type GeneratedOrder } from './orders'
import { GENERATED_PREFIX, generatePlaces } from './places'
import { progressBar } from './progress'
import { seededRandom } from './random'
import { generateLead, landingViewRows } from './traffic'

/** The operator's own figures at scale 1. */
export const cityScale = { buildings: 1_600, managers: 300, orders: 100_000, leads: 50_000, landingViews: 1_000_000 }

export type CityCounts = typeof cityScale

export interface GenerateOptions {
  scale: number
  seed: number
  /** The moment the data is generated for: orders end before it. Fixed by default, so a seed gives one city. */
  now: Date
  force: boolean
}

export const DEFAULT_GENERATE_NOW = new Date('2026-11-20T02:00:00.000Z')

const ORDERS_PER_TRANSACTION = 2_000
const OPS_USERS = 12

export const countsAt = (scale: number): CityCounts => ({
  buildings: Math.max(10, Math.round(cityScale.buildings * scale)),
  managers: Math.max(9, Math.round(cityScale.managers * scale)),
  orders: Math.round(cityScale.orders * scale),
  leads: Math.round(cityScale.leads * scale),
  landingViews: Math.round(cityScale.landingViews * scale),
})

export class AlreadyGeneratedError extends Error {}

/** Fills a migrated database to city scale. Refuses one that already holds generated data unless forced. */
export async function generateCity(db: Kysely<Database>, options: GenerateOptions): Promise<CityCounts> {
  const existing = await db.selectFrom('buildings').select('id').where('id', 'like', `${GENERATED_PREFIX}%`).limit(1).executeTakeFirst()
  if (existing && !options.force) throw new AlreadyGeneratedError('This database already holds generated data; pass --force to add another city to it.')
  const counts = countsAt(options.scale)
  const random = seededRandom(options.seed)
  await seedDatabase(db, { now: options.now })
  const catalogVersion = liveRelease(await listReleases(db), options.now)?.catalogVersion
  if (!catalogVersion) throw new Error('No catalog is in force at the generation time.')

  const places = generatePlaces(random, counts)
  if (!existing) {
    const bar = progressBar('places', counts.managers + counts.buildings)
    await db.transaction().execute(async (trx) => {
      // A district already led (by hand, before generating) keeps its lead.
      const led = new Set((await trx.selectFrom('building_managers').select('district').where('district_lead', '=', 1).execute()).map((row) => row.district))
      await insertRows(trx, 'building_managers', places.managers.map((manager) => (led.has(manager.district) ? { ...manager, district_lead: 0 as const } : manager)))
      await insertRows(trx, 'buildings', places.buildings)
    })
    bar.done()
  }
  const opsUserIds = await generatedOpsUsers(db, options.now)
  // Campaign attribution draws from a stream of its own, so the rest of a seed's city stays as it was.
  const attributionRandom = seededRandom(options.seed + 13)

  const usedNumbers = new Set((await db.selectFrom('orders').select('number').execute()).map((row) => row.number))
  // A forced run adds orders to the buildings already there, whatever seed made them.
  const buildings = await db.selectFrom('buildings').select(['id', 'district', 'manager_id']).where('id', 'like', `${GENERATED_PREFIX}%`).orderBy('id').execute()
  const context = { now: options.now, catalogVersion, buildings, opsUserIds }
  const orderBar = progressBar('orders', counts.orders)
  for (let done = 0; done < counts.orders; done += ORDERS_PER_TRANSACTION) {
    const batch: GeneratedOrder[] = Array.from({ length: Math.min(ORDERS_PER_TRANSACTION, counts.orders - done) }, () => {
      const entry = generateOrder(random, context, usedNumbers)
      const attribution = attributionColumns(campaignAttribution(attributionRandom))
      return { ...entry, quote: { ...entry.quote, ...attribution }, order: { ...entry.order, ...attribution, first_year_total_fen: entry.quote.first_year_total_fen } }
    })
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'quotes', batch.map((entry) => entry.quote))
      await insertRows(trx, 'orders', batch.map((entry) => entry.order))
      await indexOrdersForSearch(trx, batch.map((entry) => entry.order))
      await insertRows(trx, 'order_items', batch.flatMap((entry) => entry.items))
      await insertRows(trx, 'work_orders', batch.flatMap((entry) => entry.workOrders))
      await insertRows(trx, 'order_invoices', batch.map((entry) => entry.invoice))
      await insertRows(trx, 'order_events', batch.flatMap((entry) => entry.events))
      await insertRows(trx, 'audit_log', batch.flatMap((entry) => entry.audit))
    })
    orderBar.advance(batch.length)
  }
  orderBar.done()

  const leadBar = progressBar('leads', counts.leads)
  for (let done = 0; done < counts.leads; done += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, counts.leads - done) }, () => ({ ...generateLead(random, options.now, context.buildings), ...attributionColumns(campaignAttribution(attributionRandom)) }))
    await db.transaction().execute((trx) => insertRows(trx, 'leads', batch))
    leadBar.advance(batch.length)
  }
  leadBar.done()

  if (!existing) {
    await insertGeneratedCampaigns(db, attributionRandom, options.now, buildings.map((building) => building.id))
    const views = landingViewRows(random, options.now, counts.landingViews)
    const viewBar = progressBar('landing views', views.length)
    await db.transaction().execute((trx) => insertRows(trx, 'landing_views', views))
    viewBar.done()
  }
  // Fresh planner statistics for what was just loaded in bulk, as a DBA would after a load: without
  // them PostgreSQL plans the queue for empty tables until autovacuum gets round to it.
  await sql`analyze`.execute(db)
  return counts
}

/** Operations staff the generated audit rows name; their password is random and never printed (sign-in needs a reset). */
async function generatedOpsUsers(db: Kysely<Database>, now: Date): Promise<string[]> {
  const ids = Array.from({ length: OPS_USERS }, (_, index) => `${GENERATED_PREFIX}ops-${String(index + 1).padStart(2, '0')}`)
  const present = await db.selectFrom('staff_users').select('id').where('id', 'in', ids).execute()
  if (present.length === ids.length) return ids
  const passwordHash = await hash(randomBytes(24).toString('base64url'))
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'staff_users', ids.map((id, index) => ({ id, email: `ops${index + 1}@city.example.cn`, display_name: `运营 Ops ${index + 1}`, password_hash: passwordHash, manager_id: null, disabled: 0 as const, created_at: at, updated_at: at })))
    await insertRows(trx, 'staff_user_roles', ids.map((id) => ({ user_id: id, role: 'ops' as const })))
  })
  return ids
}
