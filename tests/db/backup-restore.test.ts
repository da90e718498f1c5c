import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupDatabase, restoreDatabase } from '../../db/backup/backup'
import { libpqEnvironment } from '../../db/backup/libpq-environment'
import { runPostgresTool } from '../../db/backup/postgres-tools'
import type { DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import type { Database } from '../../db/schema'
import { seedDatabase } from '../../db/seed/seed'
import * as lifecycle from '../../server/orders/lifecycle'
import type { QuoteRequestInput } from '../../server/schemas/quote-request'
import { createCliDatabase, type CliDatabase } from '../support/cli-database'
import { runCli } from '../support/cli-process'
import { createQuote, orderBody, postOrder, reviewedEvergreenQuote } from '../support/orders'
import { createStaff } from '../support/staff'
import { createTestApi, type TestApi } from '../support/test-api'
import { databaseKinds, SEED_TIME } from '../support/test-database'

const PARK = 'bld-pudong-software-park'

const specialInvoice = {
  kind: 'special',
  title: '上海示例科技有限公司',
  taxpayerId: '91330100716105852F',
  address: '上海市浦东新区世纪大道88号',
  phone: '021-50471234',
  bank: '招商银行上海分行',
  account: '621483000012345678',
} as const

/** Runs `npm run db:backup|db:restore -- …` (their scripts, compiled) against a database URL. */
const runBackupCli = (script: 'backup' | 'restore', databaseUrl: string, args: string[]) => runCli(script, args, { DATABASE_URL: databaseUrl })

/** Orders in every kind of state, with their items, events, work orders, invoice details, grams and mails. */
async function placeOrdersInVariousStates(api: TestApi): Promise<void> {
  const ops: lifecycle.OrderActor = { kind: 'staff', id: (await createStaff(api, ['ops'])).id }
  const place = async (overrides: Parameters<typeof orderBody>[1] = {}, request?: QuoteRequestInput) => {
    const quote = await createQuote(api, request)
    const response = await postOrder(api, orderBody(quote.id, overrides))
    if (response.status !== 201) throw new Error(`order refused: ${await response.text()}`)
    return ((await response.json()) as { number: string }).number
  }
  const amountDue = async (number: string) =>
    (await api.services.db.selectFrom('orders').select('amount_due_fen').where('number', '=', number).executeTakeFirstOrThrow()).amount_due_fen

  await place() // awaiting_transfer
  const scheduled = await place({ installSlot: { date: '2026-11-24', slot: 'pm' }, invoice: specialInvoice })
  await lifecycle.recordTransfer(api.services, ops, scheduled, await amountDue(scheduled))
  await lifecycle.schedule(api.services, ops, scheduled, { date: '2026-11-25', slot: 'am' })
  const active = await place({ installSlot: { date: '2026-11-25', slot: 'pm' } })
  await lifecycle.recordTransfer(api.services, ops, active, await amountDue(active))
  await lifecycle.schedule(api.services, ops, active, { date: '2026-11-25', slot: 'pm' })
  await lifecycle.startInstall(api.services, ops, active)
  await lifecycle.activate(api.services, ops, active)
  const cancelled = await place()
  await lifecycle.cancel(api.services, ops, cancelled, 'the customer withdrew')
  await place({ site: { buildingId: PARK, floor: '3', unit: '301' } }, reviewedEvergreenQuote) // pending_review
  const flagged = await place()
  await api.services.db.updateTable('orders').set({ flagged_reason: 'paid 1 fen too little' }).where('number', '=', flagged).execute()
}

/** Every row of every table, in a stable order: a restore must give back exactly these. */
async function everyRow(db: Kysely<Database>): Promise<Record<string, unknown[]>> {
  const tables = (await db.introspection.getTables()).map((table) => table.name).sort()
  const contents: Record<string, unknown[]> = {}
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)
    contents[table] = rows.rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort()
  }
  return contents
}

describe.each(databaseKinds)('npm run db:backup and db:restore on %s', (kind) => {
  let dir: string
  let source: CliDatabase
  let sourceHandle: DatabaseHandle
  let fresh: CliDatabase
  let sourceRows: Record<string, unknown[]>

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backups-'))
    source = await createCliDatabase(kind, 'backup-source')
    fresh = await createCliDatabase(kind, 'backup-restored')
    sourceHandle = source.open()
    await migrateToLatest(sourceHandle.db)
    await seedDatabase(sourceHandle.db, { now: SEED_TIME })
    await placeOrdersInVariousStates(createTestApi(sourceHandle))
    sourceRows = await everyRow(sourceHandle.db)
  })
  afterAll(async () => {
    await sourceHandle?.close()
    await source?.drop()
    await fresh?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('backs up while the database is open, readable by its owner only, and restores every order and its related rows into a fresh database, at the current migration', async () => {
    const file = join(dir, 'storefront.backup')
    // The source stays open: on SQLite its latest writes may still be in the WAL only.
    const backup = await runBackupCli('backup', source.url, [file])
    expect(backup.stderr).toBe('')
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Backed up to .*storefront\.backup \([\d.]+ [KM]B\): \d+ tables, 6 orders, migrations current \(0\d{3}-[a-z0-9-]+\)\.\n$/) })

    // It holds customers' personal data.
    expect(statSync(file).mode & 0o777).toBe(0o600)

    const restore = await runBackupCli('restore', fresh.url, [file])
    expect(restore.stderr).toBe('')
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored from .*: \d+ tables, 6 orders, migrations current/) })

    const restored = fresh.open()
    try {
      const statuses = new Set(sourceRows.orders.map((row) => JSON.parse(row as string).status))
      expect([...statuses].sort()).toEqual(['active', 'awaiting_transfer', 'cancelled', 'pending_review', 'scheduled'])
      for (const related of ['order_items', 'order_events', 'order_invoices', 'order_search_backlog', 'work_orders', 'outbox', 'audit_log', 'quotes', 'idempotency_keys']) {
        expect(sourceRows[related], related).not.toHaveLength(0)
      }
      expect(await everyRow(restored.db)).toEqual(sourceRows)
      expect(await migrateToLatest(restored.db)).toEqual([])
      // It serves: a new order after the restore gets a number of its own.
      const api = createTestApi(restored)
      const quote = await createQuote(api)
      const response = await postOrder(api, orderBody(quote.id, { installSlot: { date: '2026-11-24', slot: 'pm' } }))
      expect(response.status).toBe(201)
      expect(await restored.db.selectFrom('orders').select('number').execute()).toHaveLength(7)
    } finally {
      await restored.close()
    }
  })

  it('refuses to restore over a database with tables unless --force, or while it is in use, and then replaces it', async () => {
    const file = join(dir, 'again.backup')
    await backupDatabase(source.url, file, { force: false })
    const refused = await runBackupCli('restore', fresh.url, [file])
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^Not restored: The database .* is not empty \(\d+ tables, 7 orders.*pass --force to replace it/) })

    // Not even with --force while the server (here a connection that has read from it) has it open.
    const running = fresh.open()
    try {
      await running.db.selectFrom('orders').select('number').execute()
      await expect(restoreDatabase(fresh.url, file, { force: true })).rejects.toThrow(/is in use \(.*the server is running\?\): stop the server first/)
    } finally {
      await running.close()
    }

    await restoreDatabase(fresh.url, file, { force: true })
    const restored = fresh.open()
    try {
      expect(await everyRow(restored.db)).toEqual(sourceRows)
    } finally {
      await restored.close()
    }
  })

  it('refuses an existing backup file, a backup of the other kind, a file that is no backup, and a missing file', async () => {
    const existing = join(dir, 'existing.backup')
    writeFileSync(existing, 'yesterday')
    await expect(backupDatabase(source.url, existing, { force: false })).rejects.toThrow(/already exists: choose another name, or pass --force/)

    const otherKind = join(dir, 'other-kind.backup')
    writeFileSync(otherKind, kind === 'sqlite' ? 'PGDMP\u0001\u000e' : 'SQLite format 3\u0000')
    await expect(restoreDatabase(fresh.url, otherKind, { force: true })).rejects.toThrow(
      kind === 'sqlite' ? /is a PostgreSQL archive .* but DATABASE_URL points to SQLite/ : /is a SQLite database .* but DATABASE_URL points to PostgreSQL/,
    )
    await expect(restoreDatabase(fresh.url, existing, { force: true })).rejects.toThrow(/is not a storefront backup/)
    await expect(restoreDatabase(fresh.url, join(dir, 'missing.backup'), { force: true })).rejects.toThrow(/Cannot read the backup .*missing\.backup: ENOENT/)
  })

  it('replaces a database with a table the backup lacks only where the whole database is replaced (SQLite); PostgreSQL asks for a new database', async () => {
    const file = join(dir, 'stray.backup')
    await backupDatabase(source.url, file, { force: false })
    const target = fresh.open()
    await sql`create table stray_notes (id integer)`.execute(target.db)
    await target.close()
    const restore = restoreDatabase(fresh.url, file, { force: true })
    if (kind === 'sqlite') await expect(restore).resolves.toMatchObject({ orders: 6 })
    else await expect(restore).rejects.toThrow(/has tables the backup lacks \(stray_notes\): restore into a new empty database/)
  })
})

describe('PostgreSQL tools', () => {
  it('get the password in the environment, never on the command line', () => {
    expect(libpqEnvironment('postgres://store%40front:s3cr%2Ft@db.internal:6432/shop?sslmode=verify-full')).toEqual({
      PGHOST: 'db.internal',
      PGPORT: '6432',
      PGUSER: 'store@front',
      PGPASSWORD: 's3cr/t',
      PGDATABASE: 'shop',
      PGSSLMODE: 'verify-full',
    })
  })

  it('say how to install pg_dump when it is missing', async () => {
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      await expect(runPostgresTool('pg_dump', ['--version'], 'postgres://127.0.0.1/none')).rejects.toThrow(/pg_dump was not found on PATH: install the PostgreSQL client tools/)
    } finally {
      process.env.PATH = path
    }
  })
})
