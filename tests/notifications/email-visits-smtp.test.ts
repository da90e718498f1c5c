import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { enqueue } from '../../server/notifications/messages'
import { createMailTransport, deliverDueMessages, type MailTransport } from '../../server/notifications/outbox-worker'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const JIN_MAO = 'bld-jinmao-tower'
const NOW = new Date('2026-11-22T03:00:00.000Z')
/** A company name from a list, as hostile as a list can be: markup and a line break that would add a header. */
const HOSTILE = '上海恶意公司\r\nBcc: victim@evil.example <script>alert(1)</script>'

interface Received {
  from: string
  to: string[]
  raw: string
}

/** A real SMTP server on a free port, keeping every message it is given (no TLS, no authentication). */
async function startSmtp(): Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('latin1') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.server.address() as AddressInfo).port, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** The header block unfolded, as name → values. */
function headersOf(raw: string): Map<string, string[]> {
  const block = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ')
  const headers = new Map<string, string[]>()
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).toLowerCase()
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()])
  }
  return headers
}

/** RFC 2047 words as nodemailer writes a UTF-8 subject (base64 or quoted-printable). */
const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_word, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, byte: string) => String.fromCharCode(parseInt(byte, 16))), 'latin1').toString('utf8'),
  )

describe.each(databaseKinds)('e-mail visits through a real SMTP server on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let smtp: Awaited<ReturnType<typeof startSmtp>>
  let transport: MailTransport
  let wang: string
  const run = randomUUID().slice(0, 8)
  const address = (name: string) => `${name}.${run}@tenant.example`

  beforeAll(async () => {
    smtp = await startSmtp()
    transport = createMailTransport(`smtp://127.0.0.1:${smtp.port}`, '/nonexistent')
    const email = (await createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' })).email
    seeded.api.setNow(NOW)
    wang = await signIn(seeded.api, email)
    const tenant = (n: number, company: string) => ({
      id: `smtp-${n}-${run}`,
      building_id: JIN_MAO,
      company,
      name_key: `smtp-${n}-${run}`,
      listed_name_key: null,
      credit_code: null,
      floor: null,
      unit: null,
      contact_name: null,
      mobile: null,
      email: address(`t${n}`),
      staff_size: 20,
      carrier: 'smtp-test',
      edited_fields: '[]',
      import_id: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    })
    await db().insertInto('tenants').values([tenant(1, HOSTILE), tenant(2, '上海二号公司'), tenant(3, '上海三号公司')]).execute()
  })
  afterAll(async () => {
    transport?.close()
    await smtp?.close()
  })
  beforeEach(async () => {
    smtp.received.length = 0
    await db().deleteFrom('outbox').execute()
  })

  const sendVisit = async () => {
    const response = await seeded.api.request('/api/console/email-visits', asStaff(wang, 'POST', { template: 'introduction', offerings: ['bb-express'], utmCampaign: 'smtp', carrier: 'smtp-test', lang: 'zh' }))
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()) as { id: string; queued: number }
  }
  const deliver = (at: Date, perMinute: number) => deliverDueMessages(db(), transport.deliver, at, { emailVisitsPerMinute: perMinute, onError: (error) => console.error(error) })

  it('sends transactional mail first, then visit mail at most the rate per rolling minute, each with one-click unsubscribe headers and the company stripped of line breaks', async () => {
    // The visit is due ten minutes before the customer's code is queued, and still goes after it.
    seeded.api.setNow(new Date(NOW.getTime() - 10 * 60_000))
    await sendVisit()
    seeded.api.setNow(NOW)
    await enqueue(db(), { kind: 'email_verification', recipient: address('customer'), lang: 'zh', payload: { verificationId: randomUUID(), code: '123456', validMinutes: 10 } }, NOW)

    expect(await deliver(NOW, 2)).toEqual({ sent: 3, failed: 0 })
    expect(smtp.received.map((mail) => mail.to)).toEqual([[address('customer')], expect.any(Array), expect.any(Array)])
    expect(headersOf(smtp.received[0].raw).has('list-unsubscribe')).toBe(false)

    // the third waits for the oldest send to leave the minute
    expect(await deliver(new Date(NOW.getTime() + 59_000), 2)).toEqual({ sent: 0, failed: 0 })
    expect(await deliver(new Date(NOW.getTime() + 60_000), 2)).toEqual({ sent: 1, failed: 0 })
    const visits = smtp.received.slice(1)
    expect(visits.flatMap((mail) => mail.to).sort()).toEqual([address('t1'), address('t2'), address('t3')])

    const recipients = await db().selectFrom('email_visit_recipients').select(['email', 'token', 'status']).where('email', 'like', `%${run}%`).execute()
    expect(recipients.every((recipient) => recipient.status === 'sent')).toBe(true)
    for (const mail of visits) {
      const headers = headersOf(mail.raw)
      const token = recipients.find((recipient) => recipient.email === mail.to[0])!.token
      expect(headers.get('list-unsubscribe')).toEqual([`<http://storefront.test/api/email-visits/unsubscribe/${token}>`])
      expect(headers.get('list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click'])
      expect(mail.to).toHaveLength(1)
      expect(headers.has('bcc')).toBe(false)
      expect(headers.get('subject')).toHaveLength(1)
      const subject = decodeWords(headers.get('subject')![0])
      expect(subject).not.toMatch(/[\r\n]/)
      if (mail.to[0] === address('t1')) {
        expect(subject).toContain('上海恶意公司 Bcc: victim@evil.example')
        // The HTML part shows the markup as text; only the plain-text part carries it as written.
        const html = mail.raw.slice(mail.raw.indexOf('Content-Type: text/html'))
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
        expect(html).not.toContain('<script>')
      }
    }
  })

  it('a one-click POST to the List-Unsubscribe address (from the mail client, no page) stops every later visit to that address', async () => {
    await sendVisit()
    await deliver(NOW, 100)
    const mail = smtp.received.find((candidate) => candidate.to[0] === address('t2'))!
    const url = new URL(/^<(.+)>$/.exec(headersOf(mail.raw).get('list-unsubscribe')![0])![1])
    const response = await seeded.api.request(url.pathname, { method: 'POST', headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(response.status).toBe(200)

    smtp.received.length = 0
    const second = await sendVisit()
    expect(second.queued).toBe(2)
    await deliver(new Date(NOW.getTime() + 120_000), 100)
    expect(smtp.received.map((received) => received.to[0]).sort()).toEqual([address('t1'), address('t3')])
  })
})
