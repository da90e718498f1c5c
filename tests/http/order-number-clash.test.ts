import { describe, expect, it, vi } from 'vitest'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { createQuote, orderBody, postOrder } from '../support/orders'

/** Numbers the next placings draw, before the real random ones again. */
const drawn = vi.hoisted(() => ({ next: [] as string[] }))
vi.mock('../../server/orders/order-number', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/orders/order-number')>()
  return { orderNumber: (now: Date) => drawn.next.shift() ?? real.orderNumber(now) }
})

// Found by the bench: 1 of 8,000 orders of one day was refused as "quote already ordered" (409),
// because it drew the number of an order placed before it.
describe.each(databaseKinds)('an order that draws a number already taken, on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  it('is placed under another number, with its mail and answer under that one', async () => {
    const first = await (await postOrder(seeded.api, orderBody((await createQuote(seeded.api)).id))).json()
    drawn.next = [first.number]
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(201)
    const second = await response.json()
    expect(second.number).not.toBe(first.number)
    expect(drawn.next).toEqual([])
    const rows = await db().selectFrom('orders').select(['number', 'quote_id']).where('quote_id', '=', quote.id).execute()
    expect(rows).toEqual([{ number: second.number, quote_id: quote.id }])
    const mails = await db().selectFrom('outbox').select('payload_json').where('kind', '=', 'order_confirmation').where('payload_json', 'like', `%${first.number}%`).execute()
    expect(mails).toHaveLength(1)
  })

  it('is refused as an internal error, not as "already ordered", when every draw is taken', async () => {
    const first = await (await postOrder(seeded.api, orderBody((await createQuote(seeded.api)).id))).json()
    drawn.next = [first.number, first.number, first.number]
    const quote = await createQuote(seeded.api)
    const response = await postOrder(seeded.api, orderBody(quote.id))
    expect(response.status).toBe(500)
    expect((await response.json()).error.code).toBe('internal_error')
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toEqual([])
    seeded.api.errors.length = 0
    // The quote was not used up: ordered again, it is placed.
    expect((await postOrder(seeded.api, orderBody(quote.id))).status).toBe(201)
  })
})
