import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { canTransition, type OrderStatus } from '../../server/domain/order-status'
import { AppError } from '../../server/errors'
import * as lifecycle from '../../server/orders/lifecycle'
import { expireUnpaidOrders } from '../../server/services/unpaid-orders'
import { createQuote, orderBody, postOrder, reviewedEvergreenQuote } from '../support/orders'
import { createStaff } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import type { DatabaseKind } from '../../db/connect'

const JINMAO = 'bld-jinmao-tower'
const PARK = 'bld-pudong-software-park'
const BUILDINGS = [JINMAO, PARK]
// The test API's clock: Sunday 22 November 2026, 11:00 in Shanghai; Tuesday and Wednesday are offered.
const NOW = new Date('2026-11-22T03:00:00.000Z')
const AFTER_EVERY_DEADLINE = new Date('2026-12-31T03:00:00.000Z')
const SLOTS = [
  { date: '2026-11-24', slot: 'am' },
  { date: '2026-11-24', slot: 'pm' },
  { date: '2026-11-25', slot: 'am' },
] as const

const commandNames = ['recordTransfer', 'approve', 'reject', 'schedule', 'reschedule', 'startInstall', 'activate', 'cancel', 'extend', 'expire', 'resolveFlag'] as const
type CommandName = (typeof commandNames)[number]
interface Command {
  name: CommandName
  order: number
  slot: number
}

const commandArbitrary = fc.record({ name: fc.constantFrom(...commandNames), order: fc.nat(2), slot: fc.nat(SLOTS.length - 1) })

function lifecycleUnderTest(kind: DatabaseKind) {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let ops: lifecycle.OrderActor
  let initial: Map<string, { fibre: number; voice: number }>

  beforeAll(async () => {
    ops = { kind: 'staff', id: (await createStaff(seeded.api, ['ops'])).id }
    const rows = await db().selectFrom('buildings').select(['id', 'free_fibre_ports', 'free_voice_ports']).where('id', 'in', BUILDINGS).execute()
    initial = new Map(rows.map((row) => [row.id, { fibre: row.free_fibre_ports, voice: row.free_voice_ports }]))
  })

  /** Three fresh orders: two paid by transfer (one flagged as if a wrong payment came), one in review. */
  async function placeOrders(): Promise<string[]> {
    seeded.api.setNow(NOW)
    const numbers: string[] = []
    for (const request of [undefined, undefined, reviewedEvergreenQuote]) {
      const quote = await createQuote(seeded.api, request)
      const site = request ? { site: { buildingId: PARK, floor: '3', unit: '301' } } : {}
      const response = await postOrder(seeded.api, orderBody(quote.id, site))
      if (response.status !== 201) throw new Error(`order refused: ${await response.text()}`)
      numbers.push(((await response.json()) as { number: string }).number)
    }
    await db().updateTable('orders').set({ flagged_reason: 'paid 1 fen too little' }).where('number', '=', numbers[1]).execute()
    return numbers
  }

  async function run(command: Command, numbers: string[]): Promise<void> {
    const services = seeded.api.services
    const number = numbers[command.order]
    const slot = SLOTS[command.slot]
    const due = async () => (await db().selectFrom('orders').select('amount_due_fen').where('number', '=', number).executeTakeFirstOrThrow()).amount_due_fen
    switch (command.name) {
      case 'recordTransfer':
        return void (await lifecycle.recordTransfer(services, ops, number, await due()))
      case 'approve':
        return void (await lifecycle.approve(services, ops, number))
      case 'reject':
        return void (await lifecycle.reject(services, ops, number, 'not a tenant'))
      case 'schedule':
        return void (await lifecycle.schedule(services, ops, number, slot))
      case 'reschedule':
        return void (await lifecycle.reschedule(services, ops, number, slot, 'the customer asked'))
      case 'startInstall':
        return void (await lifecycle.startInstall(services, ops, number))
      case 'activate':
        return void (await lifecycle.activate(services, ops, number))
      case 'cancel':
        return void (await lifecycle.cancel(services, ops, number, 'the customer withdrew'))
      case 'extend':
        return void (await lifecycle.extendPaymentDeadline(services, ops, number, new Date('2026-12-10T03:00:00.000Z'), 'transfer on its way'))
      case 'resolveFlag':
        return void (await lifecycle.resolveFlaggedPayment(services, ops, number, command.slot === 0 ? 'accept_payment' : 'refunded', 'checked with the bank'))
      case 'expire':
        seeded.api.setNow(AFTER_EVERY_DEADLINE)
        try {
          await expireUnpaidOrders(services)
        } finally {
          seeded.api.setNow(NOW)
        }
    }
  }

  /** A refused command (the table or the order's state says no) must leave the order exactly as it was. */
  async function runOrRefuse(command: Command, numbers: string[]): Promise<void> {
    const before = await db().selectFrom('orders').selectAll().where('number', '=', numbers[command.order]).executeTakeFirstOrThrow()
    try {
      await run(command, numbers)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const after = await db().selectFrom('orders').selectAll().where('number', '=', numbers[command.order]).executeTakeFirstOrThrow()
      expect(after).toEqual(before)
    }
  }

  async function checkInvariants(): Promise<void> {
    // Ports are conserved: what a building has free plus what its live orders hold is what it started with.
    for (const building of BUILDINGS) {
      const free = await db().selectFrom('buildings').select(['free_fibre_ports', 'free_voice_ports']).where('id', '=', building).executeTakeFirstOrThrow()
      const held = await db().selectFrom('orders').select(['fibre_ports_reserved', 'voice_ports_reserved']).where('building_id', '=', building).where('status', '!=', 'cancelled').execute()
      const sum = (pick: (row: (typeof held)[number]) => number) => held.reduce((total, row) => total + pick(row), 0)
      expect({ fibre: free.free_fibre_ports + sum((row) => row.fibre_ports_reserved), voice: free.free_voice_ports + sum((row) => row.voice_ports_reserved) }).toEqual(initial.get(building))
    }
    const orders = await db().selectFrom('orders').select(['id', 'status']).execute()
    const events = await db().selectFrom('order_events').select(['order_id', 'status', 'sequence']).orderBy('order_id').orderBy('sequence').execute()
    const audit = await db().selectFrom('audit_log').select(['subject_id', 'before_json', 'after_json', 'at', 'id']).where('subject_kind', '=', 'order').orderBy('at').orderBy('id').execute()
    for (const order of orders) {
      const statuses = events.filter((event) => event.order_id === order.id).map((event) => event.status as OrderStatus)
      const moves = statuses.slice(1).flatMap((to, index) => (to === statuses[index] ? [] : [{ from: statuses[index], to }]))
      // No transition outside the table, and the timeline ends where the order is.
      for (const move of moves) expect(canTransition(move.from, move.to), `${move.from} → ${move.to}`).toBe(true)
      expect(statuses.at(-1)).toBe(order.status)
      // The placement and every move audited with before and after (the test clock stands still, so rows are compared as a set).
      const audited = audit
        .filter((row) => row.subject_id === order.id)
        .map((row) => ({ before: JSON.parse(row.before_json ?? '{}').status, after: JSON.parse(row.after_json ?? '{}').status }))
        .filter((row) => row.after !== undefined)
        .map((row) => ({ from: row.before, to: row.after }))
      const sorted = (list: { from: string | null; to: string }[]) => list.map((move) => `${move.from} → ${move.to}`).sort()
      expect(sorted(audited)).toEqual(sorted([{ from: null, to: statuses[0] }, ...moves]))
    }
  }

  return { seeded, placeOrders, runOrRefuse, checkInvariants }
}

describe('the order lifecycle under random command sequences (SQLite)', () => {
  const subject = lifecycleUnderTest('sqlite')

  it('conserves ports, moves only along the table and audits every move', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 14 }), async (commands) => {
        const numbers = await subject.placeOrders()
        for (const command of commands) await subject.runOrRefuse(command, numbers)
        await subject.checkInvariants()
      }),
      { numRuns: 25 },
    )
  }, 120_000)
})

describe('the order lifecycle along one full sequence (PostgreSQL)', () => {
  const subject = lifecycleUnderTest('postgres')

  it('keeps the same invariants', async () => {
    const numbers = await subject.placeOrders()
    const sequence: Command[] = [
      { name: 'recordTransfer', order: 0, slot: 0 },
      { name: 'schedule', order: 0, slot: 0 },
      { name: 'reschedule', order: 0, slot: 2 },
      { name: 'startInstall', order: 0, slot: 0 },
      { name: 'cancel', order: 0, slot: 0 },
      { name: 'activate', order: 0, slot: 0 },
      { name: 'resolveFlag', order: 1, slot: 0 },
      { name: 'cancel', order: 1, slot: 0 },
      { name: 'approve', order: 2, slot: 0 },
      { name: 'schedule', order: 2, slot: 1 },
      { name: 'cancel', order: 2, slot: 0 },
      { name: 'expire', order: 0, slot: 0 },
    ]
    for (const command of sequence) await subject.runOrRefuse(command, numbers)
    await subject.checkInvariants()
    const statuses = await subject.seeded.database.db.selectFrom('orders').select(['number', 'status']).where('number', 'in', numbers).execute()
    expect(Object.fromEntries(statuses.map((row) => [row.number, row.status]))).toEqual({ [numbers[0]]: 'active', [numbers[1]]: 'cancelled', [numbers[2]]: 'cancelled' })
  }, 60_000)
})
