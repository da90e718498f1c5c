import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { enqueue, OPERATIONS_ADDRESS, type EnqueuedMessage, type Lang, type OutboxMessage } from '../../server/notifications/messages'
import { createMailTransport, deliverDueMessages, MAX_ATTEMPTS, startOutboxWorker, type OutgoingEmail } from '../../server/notifications/outbox-worker'
import { escapeHtml } from '../../server/notifications/email-layout'
import { createSeededDatabase, databaseKinds, SEED_TIME, type TestDatabase } from '../support/test-database'
import { confirmation, messages, TRACKING_URL } from './sample-messages'

const T = SEED_TIME
const minutes = (n: number) => new Date(T.getTime() + n * 60_000)

/** Bytes of a header value with its RFC 2047 encoded-words decoded (adjacent words joined first). */
function decodeHeader(value: string): string {
  const pieces = value.split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/).filter((piece, index, all) => !(piece.trim() === '' && index > 0 && index < all.length - 1))
  const bytes = pieces.map((piece) => {
    const word = /^=\?[^?]+\?([BbQq])\?([^?]*)\?=$/.exec(piece)
    if (!word) return Buffer.from(piece)
    return word[1].toUpperCase() === 'B' ? Buffer.from(word[2], 'base64') : quotedPrintable(word[2].replace(/_/g, ' '))
  })
  return Buffer.concat(bytes).toString('utf8')
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = []
  const soft = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(soft[i]))
  }
  return Buffer.from(bytes)
}

/** Just enough of a MIME parser for what nodemailer writes: headers, and the text/plain part decoded. */
function parseEml(raw: string) {
  const headerBlock = raw.slice(0, raw.indexOf('\n\n')).replace(/\n[ \t]+/g, ' ')
  const header = (name: string) => {
    const line = headerBlock.split('\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    return line ? line.slice(name.length + 1).trim() : ''
  }
  const boundary = /boundary="([^"]+)"/.exec(header('Content-Type'))![1]
  const parts = raw.split(`--${boundary}`).slice(1, -1)
  const decodePart = (type: string) => {
    const part = parts.find((candidate) => candidate.includes(`Content-Type: ${type}`))!
    const [head, ...body] = part.replace(/^\n/, '').split('\n\n')
    const content = body.join('\n\n')
    if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8')
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) return quotedPrintable(content).toString('utf8')
    return content
  }
  return { subject: decodeHeader(header('Subject')), to: header('To'), from: header('From'), messageId: header('Message-ID'), text: decodePart('text/plain'), html: decodePart('text/html') }
}

describe.each(databaseKinds)('notification outbox on %s', (kind) => {
  let database: TestDatabase
  let outboxDir: string
  beforeAll(async () => {
    database = await createSeededDatabase(kind)
  })
  afterAll(() => database?.drop())
  beforeEach(async () => {
    await database.db.deleteFrom('outbox').execute()
    outboxDir = mkdtempSync(join(tmpdir(), 'outbox-test-'))
  })
  afterEach(() => rmSync(outboxDir, { recursive: true, force: true }))

  const put = (message: OutboxMessage, recipient = 'li@example.com', lang: Lang = 'zh', now = T) => enqueue(database.db, { ...message, recipient, lang } as EnqueuedMessage, now)
  const rows = () => database.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute()
  const onlyRow = async () => {
    const all = await rows()
    expect(all).toHaveLength(1)
    return all[0]
  }
  const recorder = () => {
    const delivered: OutgoingEmail[] = []
    return { delivered, deliver: async (message: OutgoingEmail) => void delivered.push(message) }
  }

  it('writes one .eml per message, in the language of the message, and marks it sent', async () => {
    await put(confirmation('OB-20261120-0001'), 'li@example.com', 'zh')
    await put(confirmation('OB-20261120-0002', 'Example Trading Ltd'), 'han@example.com', 'en')
    const transport = createMailTransport(undefined, outboxDir)
    expect(await deliverDueMessages(database.db, transport.deliver, T)).toEqual({ sent: 2, failed: 0 })

    const all = await rows()
    const [zh, en] = [all.find((row) => row.lang === 'zh')!, all.find((row) => row.lang === 'en')!]
    expect(readdirSync(outboxDir).sort()).toEqual([`${zh.id}.eml`, `${en.id}.eml`].sort())
    const zhRaw = readFileSync(join(outboxDir, `${zh.id}.eml`), 'utf8')
    expect(zhRaw).not.toContain('\r')
    const zhMail = parseEml(zhRaw)
    expect(zhMail).toMatchObject({ to: 'li@example.com', from: 'Office Bundles <no-reply@example-telecom.cn>', messageId: `<${zh.id}@example-telecom.cn>` })
    expect(zhMail.subject).toBe('订单确认 OB-20261120-0001 — 楼宇商企通')
    expect(zhMail.text).toContain('您的订单号是 OB-20261120-0001')
    expect(zhMail.text).toContain('¥1,234.56')
    expect(zhMail.text).toContain('2026年12月1日 周二 上午')
    expect(zhMail.text).toContain(`查看订单进度：\n${TRACKING_URL}`)
    expect(zhMail.html).toContain(`href="${escapeHtml(TRACKING_URL)}"`)
    const enMail = parseEml(readFileSync(join(outboxDir, `${en.id}.eml`), 'utf8'))
    expect(enMail.to).toBe('han@example.com')
    expect(enMail.subject).toBe('Order confirmation OB-20261120-0002 — Office Bundles')
    expect(enMail.text).toContain('Your order number is OB-20261120-0002')
    expect(enMail.text).toContain('Tue 1 Dec 2026, morning')
    expect(enMail.text).not.toMatch(/订单/)

    for (const row of [zh, en]) expect(row).toMatchObject({ status: 'sent', sent_at: T.toISOString(), attempts: 0, last_error: null })
    expect(await deliverDueMessages(database.db, transport.deliver, minutes(60))).toEqual({ sent: 0, failed: 0 })
    expect(readdirSync(outboxDir)).toHaveLength(2)
  })

  it('keeps the first .eml of a message delivered twice (a crash before it was marked sent) and leaves no temporary file', async () => {
    const transport = createMailTransport(undefined, join(outboxDir, 'nested'))
    const email = { id: 'm-1', kind: 'ops_payment_flagged', recipient: OPERATIONS_ADDRESS, lang: 'en', text: 'first', html: '<p>first</p>' } as const
    await transport.deliver({ ...email, subject: 'first' })
    await transport.deliver({ ...email, subject: 'second' })
    expect(readdirSync(join(outboxDir, 'nested'))).toEqual(['m-1.eml'])
    expect(parseEml(readFileSync(join(outboxDir, 'nested', 'm-1.eml'), 'utf8')).subject).toBe('first')
  })

  it('retries a failed delivery after 2 minutes, not before', async () => {
    await put(messages.payment_received)
    const failing = vi.fn(async () => {
      throw new Error('SMTP 451 try again later')
    })
    expect(await deliverDueMessages(database.db, failing, T)).toEqual({ sent: 0, failed: 1 })
    expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP 451 try again later', next_attempt_at: minutes(2).toISOString(), sent_at: null })

    const ok = recorder()
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(1))).toEqual({ sent: 0, failed: 0 })
    expect(ok.delivered).toHaveLength(0)
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(2))).toEqual({ sent: 1, failed: 0 })
    expect(ok.delivered).toHaveLength(1)
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 1, sent_at: minutes(2).toISOString(), last_error: null })
  })

  it('backs off 2, 4, 8 … minutes and gives up after 8 attempts, never to retry', async () => {
    await put(messages.ops_payment_flagged, OPERATIONS_ADDRESS)
    const failing = vi.fn(async () => {
      throw new Error('mailbox unavailable')
    })
    const delays: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const now = new Date((await onlyRow()).next_attempt_at)
      expect(await deliverDueMessages(database.db, failing, now)).toEqual({ sent: 0, failed: 1 })
      const row = await onlyRow()
      expect(row.attempts).toBe(attempt)
      if (attempt < MAX_ATTEMPTS) delays.push((Date.parse(row.next_attempt_at) - now.getTime()) / 60_000)
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 64, 128])
    expect(await onlyRow()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'mailbox unavailable', sent_at: null })

    const ok = recorder()
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(365 * 24 * 60))).toEqual({ sent: 0, failed: 0 })
    expect(ok.delivered).toHaveLength(0)
    expect(failing).toHaveBeenCalledTimes(MAX_ATTEMPTS)
  })

  it('delivers each of 20 due messages exactly once when two workers run at the same time', async () => {
    for (let i = 0; i < 20; i++) await put(confirmation(`OB-20261120-${String(i).padStart(4, '0')}`))
    const calls = new Map<string, number>()
    const deliver = async (message: OutgoingEmail) => {
      calls.set(message.id, (calls.get(message.id) ?? 0) + 1)
      // Yield so that the two workers' queries interleave.
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const results = await Promise.all([deliverDueMessages(database.db, deliver, T), deliverDueMessages(database.db, deliver, T)])
    expect(results[0].sent + results[1].sent).toBe(20)
    expect(results[0].failed + results[1].failed).toBe(0)
    const all = await rows()
    expect([...calls.keys()].sort()).toEqual(all.map((row) => row.id).sort())
    expect([...calls.values()].every((count) => count === 1)).toBe(true)
    expect(all.every((row) => row.status === 'sent')).toBe(true)
  })

  it('holds a message it is delivering for the lease, and takes over one whose lease has expired', async () => {
    await put(messages.manager_new_lead, 'wang@example.com')
    const { id } = await onlyRow()
    let seen: { status: string; next_attempt_at: string } | undefined
    await deliverDueMessages(
      database.db,
      async () => {
        seen = await database.db.selectFrom('outbox').select(['status', 'next_attempt_at']).where('id', '=', id).executeTakeFirstOrThrow()
      },
      T,
      { leaseMs: 60_000 },
    )
    expect(seen).toEqual({ status: 'sending', next_attempt_at: minutes(1).toISOString() })

    // A worker that crashed while delivering left these two claims behind: one still live, one expired.
    await database.db.deleteFrom('outbox').execute()
    await put(messages.manager_new_lead, 'live@example.com')
    await put(messages.manager_new_lead, 'expired@example.com', 'zh', minutes(0.001))
    const [live, expired] = await rows()
    await database.db.updateTable('outbox').set({ status: 'sending', next_attempt_at: minutes(5).toISOString() }).where('id', '=', live.id).execute()
    await database.db.updateTable('outbox').set({ status: 'sending', next_attempt_at: minutes(-1).toISOString() }).where('id', '=', expired.id).execute()
    const ok = recorder()
    expect(await deliverDueMessages(database.db, ok.deliver, T)).toEqual({ sent: 1, failed: 0 })
    expect(ok.delivered.map((message) => message.recipient)).toEqual(['expired@example.com'])
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(5))).toEqual({ sent: 1, failed: 0 })
    expect(ok.delivered.map((message) => message.recipient)).toEqual(['expired@example.com', 'live@example.com'])
  })

  it('never delivers a sent message again, even when a slow worker whose lease expired fails afterwards', async () => {
    await put(messages.payment_received)
    let failSlowDelivery!: () => void
    const slow = deliverDueMessages(
      database.db,
      () => new Promise<void>((_resolve, reject) => (failSlowDelivery = () => reject(new Error('connection reset')))),
      T,
      { leaseMs: 60_000 },
    )
    await vi.waitFor(() => expect(failSlowDelivery).toBeTypeOf('function'))
    const ok = recorder()
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(2))).toEqual({ sent: 1, failed: 0 })
    failSlowDelivery()
    expect(await slow).toEqual({ sent: 0, failed: 1 })
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 0, sent_at: minutes(2).toISOString() })

    await database.db.updateTable('outbox').set({ next_attempt_at: minutes(-10).toISOString() }).execute()
    expect(await deliverDueMessages(database.db, ok.deliver, minutes(60 * 24))).toEqual({ sent: 0, failed: 0 })
    expect(ok.delivered).toHaveLength(1)
  })

  it('counts a message it cannot render as a failed attempt', async () => {
    await put(messages.payment_received)
    await database.db.updateTable('outbox').set({ kind: 'carrier_pigeon' }).execute()
    const ok = recorder()
    expect(await deliverDueMessages(database.db, ok.deliver, T)).toEqual({ sent: 0, failed: 1 })
    expect(ok.delivered).toHaveLength(0)
    expect(await onlyRow()).toMatchObject({ status: 'pending', attempts: 1, last_error: 'unknown message kind "carrier_pigeon"' })
  })

  it('polls on its own, skipping ticks while a pass is still running', async () => {
    await put(messages.payment_received)
    let active = 0
    let mostActive = 0
    const delivered: string[] = []
    const worker = startOutboxWorker(
      { db: database.db, now: () => T, log: (error) => expect.fail(String(error)) },
      async (message) => {
        active += 1
        mostActive = Math.max(mostActive, active)
        // Several ticks fall inside this delivery.
        await new Promise((resolve) => setTimeout(resolve, 40))
        active -= 1
        delivered.push(message.id)
      },
      { intervalMs: 5 },
    )
    await vi.waitFor(async () => expect((await onlyRow()).status).toBe('sent'))
    await worker.stop()
    expect(delivered).toHaveLength(1)
    expect(mostActive).toBe(1)
  })

  it('runs as a worker: passes never overlap, failures are logged, stop waits for the pass in progress', async () => {
    for (let i = 0; i < 3; i++) await put(confirmation(`OB-20261120-010${i}`))
    const log = vi.fn()
    let active = 0
    let mostActive = 0
    const delivered: string[] = []
    const worker = startOutboxWorker(
      { db: database.db, now: () => T, log },
      async (message) => {
        active += 1
        mostActive = Math.max(mostActive, active)
        await new Promise((resolve) => setTimeout(resolve, 5))
        active -= 1
        if (message.subject.includes('0101')) throw new Error('rejected by server')
        delivered.push(message.id)
      },
      { intervalMs: 60_000 },
    )
    const [first, second] = await Promise.all([worker.runOnce(), worker.runOnce()])
    expect(first).toEqual({ sent: 2, failed: 1 })
    expect(second).toEqual({ sent: 0, failed: 0 })
    expect(mostActive).toBe(1)
    expect(log).toHaveBeenCalledTimes(1)
    expect(String(log.mock.calls[0][0])).toContain('rejected by server')

    await put(confirmation('OB-20261120-0200'))
    const running = worker.runOnce()
    await worker.stop()
    expect(delivered).toHaveLength(3)
    expect(await running).toEqual({ sent: 1, failed: 0 })
  })
})
