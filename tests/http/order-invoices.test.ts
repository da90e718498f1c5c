import { describe, expect, it } from 'vitest'
import { AppError } from '../../server/errors'
import { auditOf } from '../../server/repositories/audit-repository'
import { findInvoiceDetails } from '../../server/repositories/order-invoices-repository'
import { updateInvoiceDetails } from '../../server/services/invoice-details-service'
import { createQuote, orderBody, postOrder, VALID_CREDIT_CODE } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const special = {
  kind: 'special',
  title: '上海示例科技有限公司',
  taxpayerId: VALID_CREDIT_CODE,
  address: '上海市浦东新区世纪大道 88 号',
  phone: '021-5047 8888',
  bank: '招商银行上海分行',
  account: '1219 0876 5432 10',
} as const

describe.each(databaseKinds)('VAT invoice details of orders on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db

  async function order(invoice?: unknown) {
    const quote = await createQuote(seeded.api)
    return postOrder(seeded.api, { ...orderBody(quote.id), ...(invoice === undefined ? {} : { invoice }) })
  }

  async function tracking(placed: { number: string; trackingUrl: string }) {
    const token = new URL(placed.trackingUrl).searchParams.get('token')
    return (await seeded.api.request(`/api/orders/${placed.number}?token=${token}`)).json()
  }

  it('without details: a general invoice to the company under its credit code, shown on tracking', async () => {
    const response = await order()
    expect(response.status).toBe(201)
    const placed = await response.json()
    expect(await findInvoiceDetails(db(), placed.id)).toEqual({ kind: 'general', title: '上海示例科技有限公司', taxpayerId: VALID_CREDIT_CODE })
    expect((await tracking(placed)).invoice).toEqual({ kind: 'general', title: '上海示例科技有限公司', taxpayerId: VALID_CREDIT_CODE })
  })

  it('stores a special invoice with its registered details (account digits without spaces)', async () => {
    const response = await order(special)
    expect(response.status).toBe(201)
    const placed = await response.json()
    expect((await tracking(placed)).invoice).toEqual({ ...special, account: '12190876543210' })
  })

  it.each([
    ['a special invoice without its bank account', { ...special, account: undefined }, 'invoice.account'],
    ['letters in the bank account', { ...special, account: '6222-abc-001' }, 'invoice.account'],
    ['a special invoice without its registered address', { ...special, address: '' }, 'invoice.address'],
    ['a taxpayer id of 12 characters', { kind: 'general', title: 'X', taxpayerId: '123456789012' }, 'invoice.taxpayerId'],
    ['a title above 100 characters', { kind: 'general', title: '公'.repeat(101), taxpayerId: VALID_CREDIT_CODE }, 'invoice.title'],
    ['an unknown invoice type', { kind: 'electronic', title: 'X', taxpayerId: VALID_CREDIT_CODE }, 'invoice.kind'],
  ])('refuses %s (400 naming the field) and places nothing', async (_, invoice, path) => {
    const before = await db().selectFrom('orders').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow()
    const response = await order(invoice)
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error.issues.map((issue: { path: string }) => issue.path)).toContain(path)
    const after = await db().selectFrom('orders').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow()
    expect(Number(after.count)).toBe(Number(before.count))
  })

  it('operations change the details later; the change and what it replaced are audited', async () => {
    const placed = await (await order()).json()
    const at = new Date('2026-11-25T02:00:00.000Z')
    const saved = await updateInvoiceDetails(db(), placed.id, special, { kind: 'staff', id: null }, at)
    expect(saved).toMatchObject({ kind: 'special', account: '12190876543210' })
    expect(await findInvoiceDetails(db(), placed.id)).toEqual(saved)
    const changes = (await auditOf(db(), { kind: 'order', id: placed.id })).filter((row) => row.action !== 'place')
    expect(changes).toEqual([
      {
        at: at.toISOString(),
        actor: { kind: 'staff', id: null },
        action: 'order.invoice_details_changed',
        subject: { kind: 'order', id: placed.id },
        before: { kind: 'general', title: '上海示例科技有限公司', taxpayerId: VALID_CREDIT_CODE },
        after: saved,
        reason: null,
      },
    ])
    expect((await tracking(placed)).invoice).toEqual(saved)
  })

  it('refuses invalid details and unknown orders, changing and auditing nothing', async () => {
    const placed = await (await order()).json()
    const refusal = await updateInvoiceDetails(db(), placed.id, { ...special, bank: '' }, { kind: 'staff', id: null }).catch((error) => error)
    expect(refusal).toBeInstanceOf(AppError)
    expect(refusal).toMatchObject({ code: 'invalid_request', issues: [{ path: 'bank' }] })
    const unknown = await updateInvoiceDetails(db(), 'no-such-order', special, { kind: 'staff', id: null }).catch((error) => error)
    expect(unknown).toMatchObject({ code: 'order_not_found' })
    expect((await findInvoiceDetails(db(), placed.id))?.kind).toBe('general')
    expect((await auditOf(db(), { kind: 'order', id: placed.id })).map((row) => row.action)).toEqual(['place'])
  })
})
