import { describe, expect, it } from 'vitest'
import { CALLBACK_FLASH_PARAM, readCallbackFlash } from '../../server/services/callback-flash'
import { createQuote, orderBody, postOrder } from '../support/orders'
import { TEST_SITE, useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const lead = { company: '上海示例科技有限公司', contact: { name: '李雷', mobile: '13812345678' }, note: '下午方便' }
const LONE_SURROGATE = '\ud800'

describe.each(databaseKinds)('control characters and broken input on %s', (kind) => {
  const seeded = useSeededApi(kind)

  async function expectInvalid(response: Response) {
    expect(response.status).toBe(400)
    expect((await response.json()).error.code).toBe('invalid_request')
  }

  it.each([
    ['NUL in a name', { ...lead, company: 'Acme\u0000Ltd' }],
    ['an escape character', { ...lead, contact: { ...lead.contact, name: '李\u001b[31m雷' } }],
    ['a C1 control', { ...lead, company: 'Acme\u0085' }],
    ['a line break in a one-line field', { ...lead, company: 'Acme\nLtd' }],
    ['NUL in the note', { ...lead, note: 'call\u0000me' }],
    ['a lone surrogate', { ...lead, company: `Acme${LONE_SURROGATE}` }],
    ['NUL in attribution', { ...lead, attribution: { utm_source: 'baidu\u0000' } }],
  ])('refuses a lead with %s', async (_name, body) => {
    await expectInvalid(await seeded.api.postJson('/api/leads', body))
    expect(seeded.api.errors).toEqual([])
  })

  it('keeps tabs and line breaks in free text', async () => {
    expect((await seeded.api.postJson('/api/leads', { ...lead, note: '上午：\t不方便\r\n下午：方便' })).status).toBe(201)
  })

  it('refuses control characters in quotes, orders, queries and path parameters', async () => {
    await expectInvalid(await seeded.api.postJson('/api/quotes', { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, buildingId: 'bld\u0000' }))
    await expectInvalid(await seeded.api.postJson('/api/quotes', { offering: 'evergreen-winback', termMonths: 12, customer: { status: 'new' }, offerCode: 'WB\u0000' }))
    const quote = await createQuote(seeded.api)
    await expectInvalid(await postOrder(seeded.api, orderBody(quote.id, { site: { buildingId: 'bld-jinmao-tower', floor: '18\u0000', unit: '1803' } })))
    await expectInvalid(await postOrder(seeded.api, orderBody(`${quote.id}\u0000`)))
    await expectInvalid(await seeded.api.request(`/api/buildings?q=${encodeURIComponent('金茂\u0000')}`))
    await expectInvalid(await seeded.api.request(`/api/orders/SO-1?token=${encodeURIComponent('t\u0000')}`))
    await expectInvalid(await seeded.api.request(`/api/quotes/${encodeURIComponent('q\u0000')}`))
    await expectInvalid(await seeded.api.request(`/api/buildings/${encodeURIComponent('b\u0000')}/serviceability?items=bb-100:1`))
    expect(seeded.api.errors).toEqual([])
  })

  it('sends a no-JavaScript form with control characters back to the form, not to a 500', async () => {
    const response = await seeded.api.request('/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ company: 'Acme\u0000', name: '韩梅梅', mobile: '13912345678', return: '/' }),
    })
    expect(response.status).toBe(303)
    const id = new URL(response.headers.get('location')!, TEST_SITE).searchParams.get(CALLBACK_FLASH_PARAM)!
    expect(await readCallbackFlash(seeded.api.services, id)).toMatchObject({ error: 'company' })
    expect(seeded.api.errors).toEqual([])
  })

  it('answers a malformed multipart body with 400, not a 500 with a stack trace', async () => {
    const response = await seeded.api.request('/api/leads', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="company"\r\n\r\nAcme\r\n--WRONG--',
    })
    await expectInvalid(response)
    expect(seeded.api.errors).toEqual([])
  })
})
