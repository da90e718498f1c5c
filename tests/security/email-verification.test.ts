import { describe, expect, it } from 'vitest'
import { AppError } from '../../server/errors'
import { findEmailVerification } from '../../server/repositories/email-verifications-repository'
import { verifiedOrderEmail } from '../../server/services/email-verification-service'
import { createQuote, mailedCode, orderBody, postOrder, verifyEmail } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

let addresses = 0
/** Each test its own mailbox, so the per-address limit is only reached where a test means to. */
const freshEmail = () => `li.lei.${++addresses}@example.com`

describe.each(databaseKinds)('orders write only to a verified contact e-mail, on %s', (kind) => {
  const seeded = useSeededApi(kind, { limits: { verificationsPerEmail: { points: 3, seconds: 3600 }, verifications: { points: 6, seconds: 3600 } } })
  const api = () => seeded.api
  const db = () => seeded.database.db
  const ask = (email: string, from?: string) =>
    api().request('/api/verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, lang: 'en' }) }, from)
  const confirm = (id: string, code: string) => api().postJson(`/api/verifications/${id}/confirm`, { code })
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; attemptsLeft?: number } }).error

  it('refuses an order without a verification, or with one of another address, with 422 email_not_verified', async () => {
    const quote = await createQuote(api())
    const without = await postOrder(api(), orderBody(quote.id), undefined, { verify: false })
    expect(without.status).toBe(422)
    expect((await errorOf(without)).code).toBe('email_not_verified')

    const other = await verifyEmail(api(), 'someone.else@example.com')
    const mismatched = await postOrder(api(), { ...orderBody(quote.id), verification: other })
    expect(mismatched.status).toBe(422)
    expect((await errorOf(mismatched)).code).toBe('email_not_verified')
    expect(await db().selectFrom('orders').select('id').where('quote_id', '=', quote.id).execute()).toEqual([])
  })

  // Two orders sent at once with one proof: the second reads the verification before the first uses it,
  // and tries the code after. It is the second order of the proof, not a code tried too often.
  it('refuses a proof used since it was read as used (email_not_verified), not as tried too often', async () => {
    const email = freshEmail()
    // From an address of its own: the other tests count the default one's verifications.
    const { id } = (await (await ask(email, '192.0.2.77')).json()) as { id: string }
    const proof = { id, code: await mailedCode(api(), id) }
    const read = await findEmailVerification(db(), proof.id)
    await db().updateTable('email_verifications').set({ used_at: '2026-11-22T03:00:00.000Z' }).where('id', '=', proof.id).execute()
    const refusal = await verifiedOrderEmail(db(), proof, read, email, new Date('2026-11-22T03:00:01.000Z')).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(AppError)
    expect((refusal as AppError).code).toBe('email_not_verified')
  })

  it('mails a 6-digit code on the priority lane and stores only its hash', async () => {
    const email = freshEmail()
    const response = await ask(`  ${email.toUpperCase()} `)
    expect(response.status).toBe(202)
    const { id } = (await response.json()) as { id: string }
    const code = await mailedCode(api(), id)
    expect(code).toMatch(/^\d{6}$/)
    const mail = await db().selectFrom('outbox').selectAll().where('kind', '=', 'email_verification').where('payload_json', 'like', `%${id}%`).executeTakeFirstOrThrow()
    expect(mail).toMatchObject({ recipient: email, lang: 'en', priority: 0 })
    const stored = await db().selectFrom('email_verifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(stored.email).toBe(email)
    expect(Object.values(stored).map(String)).not.toContain(code)
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(Date.parse(stored.expires_at) - api().services.now().getTime()).toBe(10 * 60_000)
  })

  it('allows 5 attempts, saying how many are left, then refuses even the right code', async () => {
    const email = freshEmail()
    const { id, code } = await verifyEmail(api(), email)
    for (const left of [4, 3, 2, 1, 0]) {
      const refused = await confirm(id, wrong(code))
      expect(refused.status).toBe(422)
      expect(await errorOf(refused)).toMatchObject({ code: 'verification_code_wrong', attemptsLeft: left })
    }
    const locked = await confirm(id, code)
    expect(locked.status).toBe(422)
    expect((await errorOf(locked)).code).toBe('verification_expired')
    const quote = await createQuote(api())
    const contact = { name: '李雷', mobile: '13812345678', email }
    const order = await postOrder(api(), { ...orderBody(quote.id, { contact }), verification: { id, code } })
    expect((await errorOf(order)).code).toBe('verification_expired')
  })

  it('holds 5 attempts against parallel guessing too', async () => {
    const { id, code } = await verifyEmail(api(), freshEmail())
    const answers = await Promise.all(Array.from({ length: 20 }, () => confirm(id, wrong(code))))
    const codes = await Promise.all(answers.map(async (answer) => (await errorOf(answer)).code))
    expect(codes.filter((answer) => answer === 'verification_code_wrong')).toHaveLength(5)
    expect((await errorOf(await confirm(id, code))).code).toBe('verification_expired')
  })

  it('expires a code after 10 minutes', async () => {
    const start = api().services.now()
    try {
      const { id, code } = await verifyEmail(api(), freshEmail())
      api().setNow(new Date(start.getTime() + 10 * 60_000 + 1))
      const late = await confirm(id, code)
      expect(late.status).toBe(422)
      expect((await errorOf(late)).code).toBe('verification_expired')
    } finally {
      api().setNow(start)
    }
  })

  it('places one order per confirmed verification, writing only to the verified address', async () => {
    const email = freshEmail()
    const { id, code } = await verifyEmail(api(), email)
    const confirmed = await confirm(id, code)
    expect(confirmed.status).toBe(200)
    expect(await confirmed.json()).toMatchObject({ id, email })

    const quote = await createQuote(api())
    // The address as the customer typed it, in other letter case: the same mailbox.
    const body = { ...orderBody(quote.id, { contact: { name: '李雷', mobile: '13812345678', email: email.toUpperCase() } }), verification: { id, code } }
    const placed = await postOrder(api(), body)
    expect(placed.status).toBe(201)
    const { number } = (await placed.json()) as { number: string }
    const order = await db().selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirstOrThrow()
    expect(order.contact_email).toBe(email)
    const mails = await db().selectFrom('outbox').select(['kind', 'recipient']).where('payload_json', 'like', `%${number}%`).where('kind', '=', 'order_confirmation').execute()
    expect(mails).toEqual([{ kind: 'order_confirmation', recipient: email }])
    expect(await db().selectFrom('email_verifications').select(['used_at', 'order_id']).where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({ order_id: order.id })

    // One-time: the same proof cannot place a second order.
    const again = await postOrder(api(), { ...orderBody((await createQuote(api())).id, { contact: { name: '李雷', mobile: '13812345678', email } }), verification: { id, code } })
    expect(again.status).toBe(422)
    expect((await errorOf(again)).code).toBe('email_not_verified')
  })

  it('limits codes per address and per client (429 with Retry-After)', async () => {
    const target = 'victim@example.com'
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await ask(target, `198.51.100.${i + 1}`)).status)
    expect(answers).toEqual([202, 202, 202, 429])
    const perClient = []
    for (let i = 0; i < 7; i++) perClient.push(await ask(`visitor${i}@example.com`, '203.0.113.99'))
    expect(perClient.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 202, 429])
    expect(Number(perClient[6].headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})
