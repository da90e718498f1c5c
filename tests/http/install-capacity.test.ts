import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defaultOrderPolicy } from '../../server/domain/order-policy'
import { AppError } from '../../server/errors'
import * as lifecycle from '../../server/orders/lifecycle'
import { bookedInstalls } from '../../server/repositories/install-capacity-repository'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { createStaff } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

// The test API's clock: Sunday 22 November 2026, 11:00 in Shanghai; Monday the 23rd is the first day offered.
const SUNDAY = new Date('2026-11-22T03:00:00.000Z')
// Jin Mao Tower and Shanghai Tower are in Pudong, Plaza 66 in Jing'an: crews are per district.
const JINMAO = 'bld-jinmao-tower'
const SHANGHAI_TOWER = 'bld-shanghai-tower'
const PLAZA_66 = 'bld-plaza-66'

type Slot = { date: string; slot: 'am' | 'pm' }

describe.each(databaseKinds)('installation capacity on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const services = () => seeded.api.services
  let ops: lifecycle.OrderActor

  beforeAll(async () => {
    ops = { kind: 'staff', id: (await createStaff(seeded.api, ['ops'])).id }
    // Room for every order of this file (the seed leaves Jin Mao 12 fibre ports).
    await seeded.database.db.updateTable('buildings').set({ free_fibre_ports: 500 }).where('id', '=', JINMAO).execute()
  })
  afterEach(() => {
    services().orderPolicy = defaultOrderPolicy
  })

  const capacity = (installs: number) => {
    services().orderPolicy = { ...defaultOrderPolicy, installCapacityPerHalfDay: installs }
  }

  /** An order at Jin Mao whose transfer has arrived: ready for operations to schedule. The customer wished for `wish`. */
  async function paidOrder(wish: Slot = { date: '2026-12-01', slot: 'am' }): Promise<string> {
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id, { installSlot: wish }))
    expect(response.status, await response.clone().text()).toBe(201)
    const { number } = (await response.json()) as { number: string }
    await lifecycle.recordTransfer(services(), ops, number, quote.oneTime.total)
    return number
  }

  /** The slots checkout offers at the building on that date; undefined when the day is not offered at all. */
  async function slotsOn(buildingId: string, date: string): Promise<string[] | undefined> {
    const response = await seeded.api.request(`/api/buildings/${buildingId}/install-days`)
    expect(response.status).toBe(200)
    const { days } = (await response.json()) as { days: { date: string; slots: string[] }[] }
    return days.find((day) => day.date === date)?.slots
  }

  it('offers checkout only the slots with a crew free in the building’s district; a cancellation frees its slot again', async () => {
    capacity(1)
    const [morning, afternoon] = [await paidOrder(), await paidOrder()]
    expect(await slotsOn(JINMAO, '2026-11-24')).toEqual(['am', 'pm'])
    await lifecycle.schedule(services(), ops, morning, { date: '2026-11-24', slot: 'am' })
    expect(await slotsOn(JINMAO, '2026-11-24')).toEqual(['pm'])
    await lifecycle.schedule(services(), ops, afternoon, { date: '2026-11-24', slot: 'pm' })
    // Both halves full: the day is not offered, in any building of the district; Jing'an's crews are free.
    expect(await slotsOn(JINMAO, '2026-11-24')).toBeUndefined()
    expect(await slotsOn(SHANGHAI_TOWER, '2026-11-24')).toBeUndefined()
    expect(await slotsOn(PLAZA_66, '2026-11-24')).toEqual(['am', 'pm'])
    expect(await slotsOn(JINMAO, '2026-11-25')).toEqual(['am', 'pm'])

    await lifecycle.cancel(services(), ops, afternoon, 'the customer withdrew')
    expect(await slotsOn(JINMAO, '2026-11-24')).toEqual(['pm'])
  })

  it('answers the install days without caching and 404 for an unknown building', async () => {
    const response = await seeded.api.request(`/api/buildings/${JINMAO}/install-days`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { days } = (await response.json()) as { days: { date: string; slots: string[] }[] }
    expect(days[0]).toEqual({ date: '2026-11-23', slots: ['am', 'pm'] })
    const unknown = await seeded.api.request('/api/buildings/bld-nowhere/install-days')
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe('building_not_found')
  })

  it('refuses an order for a fully booked slot; a customer’s wish books nothing', async () => {
    capacity(1)
    await lifecycle.schedule(services(), ops, await paidOrder(), { date: '2026-11-25', slot: 'am' })
    seeded.api.setNow(SUNDAY)
    const quote = await createQuote(seeded.api)
    const refused = await postOrder(seeded.api, orderBody(quote.id, { installSlot: { date: '2026-11-25', slot: 'am' } }))
    expect(refused.status).toBe(422)
    expect((await refused.json()).error).toMatchObject({ code: 'install_slot_unavailable', issues: [{ path: 'installSlot', message: 'full' }] })
    // The same morning in Jing'an, and the afternoon here, are still there to wish for.
    expect((await postOrder(seeded.api, orderBody((await createQuote(seeded.api)).id, { site: { buildingId: PLAZA_66, floor: '8', unit: '801' }, installSlot: { date: '2026-11-25', slot: 'am' } }))).status).toBe(201)
    expect((await postOrder(seeded.api, orderBody(quote.id, { installSlot: { date: '2026-11-25', slot: 'pm' } }))).status).toBe(201)
    // Until operations schedule it, the order waiting for its transfer holds no place in the afternoon.
    expect(await slotsOn(JINMAO, '2026-11-25')).toEqual(['pm'])
  })

  it('gives a slot’s last place to exactly one of two bookings made at the same moment', async () => {
    capacity(2)
    const rounds: Slot[] = [
      { date: '2026-11-26', slot: 'am' },
      { date: '2026-11-26', slot: 'pm' },
      { date: '2026-11-27', slot: 'am' },
      { date: '2026-11-27', slot: 'pm' },
    ]
    for (const [index, slot] of rounds.entries()) {
      const [first, one, other] = [await paidOrder(), await paidOrder(), await paidOrder()]
      await lifecycle.schedule(services(), ops, first, slot)
      // The last round races a schedule against a move of a booking from elsewhere into the slot.
      const moving = index === rounds.length - 1
      if (moving) await lifecycle.schedule(services(), ops, other, { date: '2026-11-30', slot: 'am' })
      const results = await Promise.allSettled([
        lifecycle.schedule(services(), ops, one, slot),
        moving ? lifecycle.reschedule(services(), ops, other, slot, 'the customer asked') : lifecycle.schedule(services(), ops, other, slot),
      ])
      expect(results.filter((result) => result.status === 'fulfilled'), `${slot.date} ${slot.slot}`).toHaveLength(1)
      const refusal = results.find((result) => result.status === 'rejected')!.reason
      expect(refusal).toBeInstanceOf(AppError)
      expect(refusal).toMatchObject({ code: 'install_slot_unavailable', issues: [{ path: 'slot', message: 'full' }] })
      expect(await bookedInstalls(seeded.database.db, 'pudong', slot)).toBe(2)
    }
  })
})
