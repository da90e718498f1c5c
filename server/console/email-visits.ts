import { randomBytes, randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { openLeadStatuses } from '../domain/lead-status'
import { emailVisitContent, type EmailVisitBundle, type EmailVisitPayload, type EmailVisitTemplate } from '../email-visits/templates'
import { carrierName } from '../domain/tenant-cleaning'
import { AppError } from '../errors'
import { layOut } from '../notifications/email-layout'
import { enqueue, type Lang } from '../notifications/messages'
import type { Catalog } from '../pricing/catalog'
import { fromMonthlyPrice } from '../pricing/from-price'
import { recordAudit } from '../repositories/audit-repository'
import { registerCampaignValue } from '../repositories/campaigns-repository'
import {
  cancelQueuedRecipients,
  findEmailVisit,
  insertEmailVisit,
  insertEmailVisitRecipients,
  listEmailVisits,
  recipientResults,
  type RecipientResult,
  suppressedAmong,
  suppressionKey,
  type EmailVisitSummary,
  type RecipientStatus,
} from '../repositories/email-visits-repository'
import { sendAtOf, type CreateEmailVisitInput, type EmailVisitAudience, type EmailVisitPreviewInput } from '../schemas/console-email-visits'
import type { Services } from '../services/services'
import { seesBuilding } from './building-scope'
import type { StaffIdentity } from './sessions'

/**
 * E-mail visits (issue 13): a building manager (their own buildings' tenants only), marketing or an
 * admin mails chosen tenants a templated offer of one or more listed bundles, now or at a set time.
 * Each recipient gets a random token: their links go through /api/email-visits/go/<token>/<bundle>
 * (counted, then on to the bundle page with utm tags) and /unsubscribe/<token>. The mail carries the
 * tenant's building manager's name and phone.
 */

/** One visit reaches at most this many tenants: a bigger audience is narrowed first. */
export const MAX_RECIPIENTS = 5000
/** How far ahead a visit may be scheduled. */
export const MAX_SCHEDULE_DAYS = 60
/**
 * How far back a send time may be and still mean "at once" (the minute picked while filling the form).
 * Further back is a mistake (a year mistyped), refused rather than mailing everyone now.
 */
export const PAST_SEND_GRACE_MINUTES = 30
const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

interface AudienceRow {
  id: string
  building_id: string
  company: string
  email: string | null
  manager_name: string
  manager_name_en: string
  manager_phone: string
}

/** The tenants of the audience that `staff` may mail (buildings with a manager), by company. */
export async function audienceOf(db: Kysely<Database>, staff: StaffIdentity, audience: EmailVisitAudience, limit = MAX_RECIPIENTS + 1): Promise<AudienceRow[]> {
  if (audience.building && !seesBuilding(staff, audience.building)) throw new AppError('building_not_found', 'There is no building with this id.', [{ path: 'building', message: 'unknown building' }])
  if (staff.buildingIds !== 'all' && staff.buildingIds.length === 0) return []
  let query = db
    .selectFrom('tenants as t')
    .innerJoin('buildings as b', 'b.id', 't.building_id')
    .innerJoin('building_managers as m', 'm.id', 'b.manager_id')
    .select(['t.id', 't.building_id', 't.company', 't.email', 'm.name as manager_name', 'm.name_en as manager_name_en', 'm.phone as manager_phone'])
  if (staff.buildingIds !== 'all') query = query.where('t.building_id', 'in', staff.buildingIds)
  if (audience.building) query = query.where('t.building_id', '=', audience.building)
  if (audience.sizeMin !== undefined) query = query.where('t.staff_size', '>=', audience.sizeMin)
  if (audience.sizeMax !== undefined) query = query.where('t.staff_size', '<=', audience.sizeMax)
  // Imports store carriers cleaned and under one name each; the filter is read the same way.
  if (audience.carrier) query = query.where('t.carrier', '=', carrierName(audience.carrier))
  if (audience.leadState) {
    const state = audience.leadState
    // The company's leads in its building: by credit code when both have one, else by the name as written.
    const leads = (statuses: readonly string[] | null) =>
      sql<boolean>`exists (select 1 from leads l where l.building_id = t.building_id and (l.credit_code = t.credit_code or l.company = t.company)${
        statuses ? sql` and l.status in (${sql.join(statuses.map((status) => sql.lit(status)))})` : sql``
      })`
    query = query.where(state === 'none' ? sql<boolean>`not ${leads(null)}` : leads(state === 'open' ? openLeadStatuses : [state]))
  }
  return query.orderBy('t.company').orderBy('t.id').limit(limit).execute()
}

/** The listed bundles a visit offers, in the order chosen, each with its from-price. */
function bundlesOf(catalog: Catalog, slugs: readonly string[]): { slug: string; name: Record<Lang, string>; fromMonthly: number | null }[] {
  return [...new Set(slugs)].map((slug) => {
    const offering = catalog.offerings.get(slug)
    if (!offering || !offering.listed) throw new AppError('invalid_request', `There is no listed bundle ${slug}.`, [{ path: 'offerings', message: 'unknown bundle' }])
    return { slug, name: offering.name, fromMonthly: fromMonthlyPrice(catalog, offering)?.monthly ?? null }
  })
}

const links = (siteUrl: string, lang: Lang, token: string) => ({
  unsubscribeUrl: `${siteUrl}${lang === 'en' ? '/en' : ''}/unsubscribe/${token}`,
  oneClickUrl: `${siteUrl}/api/email-visits/unsubscribe/${token}`,
  bundleUrl: (slug: string) => `${siteUrl}/api/email-visits/go/${token}/${slug}`,
})

function payloadOf(siteUrl: string, lang: Lang, template: EmailVisitTemplate, bundles: ReturnType<typeof bundlesOf>, tenant: AudienceRow, recipientId: string, token: string): EmailVisitPayload {
  const link = links(siteUrl, lang, token)
  return {
    recipientId,
    template,
    company: tenant.company,
    managerName: lang === 'zh' ? tenant.manager_name : tenant.manager_name_en,
    managerPhone: tenant.manager_phone,
    bundles: bundles.map((bundle): EmailVisitBundle => ({ name: bundle.name[lang], fromMonthly: bundle.fromMonthly, url: link.bundleUrl(bundle.slug) })),
    unsubscribeUrl: link.unsubscribeUrl,
    oneClickUrl: link.oneClickUrl,
  }
}

export interface EmailVisitPreview {
  /** Tenants the filters pick, those with an address that did not unsubscribe, and the rest. */
  tenants: number
  mailable: number
  noEmail: number
  unsubscribed: number
  tooMany: boolean
  /** The first mailable tenant's mail as it will be sent (links shown with a placeholder token). */
  sample: { to: string; subject: string; text: string; html: string } | null
}

/** What a visit with these filters and this template would send, before it is sent. */
export async function previewEmailVisit(services: Pick<Services, 'db' | 'catalogs' | 'siteUrl'>, staff: StaffIdentity, input: EmailVisitPreviewInput): Promise<EmailVisitPreview> {
  const tenants = await audienceOf(services.db, staff, input)
  const tooMany = tenants.length > MAX_RECIPIENTS
  const picked = tenants.slice(0, MAX_RECIPIENTS)
  const statuses = await statusesOf(services.db, picked)
  const first = picked.find((_tenant, index) => statuses[index] === 'queued')
  let sample: EmailVisitPreview['sample'] = null
  if (first && input.template && input.offerings?.length) {
    const bundles = bundlesOf(await services.catalogs.current(), input.offerings)
    const content = emailVisitContent(payloadOf(services.siteUrl, input.lang, input.template, bundles, first, 'preview', 'preview'), input.lang)
    sample = { to: first.email!, ...layOut(content, input.lang) }
  }
  return {
    tenants: picked.length,
    mailable: statuses.filter((status) => status === 'queued').length,
    noEmail: statuses.filter((status) => status === 'skipped_no_email' || status === 'skipped_duplicate').length,
    unsubscribed: statuses.filter((status) => status === 'skipped_unsubscribed').length,
    tooMany,
    sample,
  }
}

/** What each tenant's mail will be: none without an address, none to an unsubscribed one, one per address. */
async function statusesOf(db: Kysely<Database>, tenants: readonly AudienceRow[]): Promise<RecipientStatus[]> {
  const suppressed = await suppressedAmong(db, tenants.flatMap((tenant) => (tenant.email ? [tenant.email] : [])))
  const mailed = new Set<string>()
  return tenants.map((tenant) => {
    if (!tenant.email) return 'skipped_no_email'
    const key = suppressionKey(tenant.email)
    if (suppressed.has(key)) return 'skipped_unsubscribed'
    // Two tenants sharing one address get one mail.
    if (mailed.has(key)) return 'skipped_duplicate'
    mailed.add(key)
    return 'queued'
  })
}

export interface CreatedEmailVisit {
  id: string
  sendAt: string
  recipients: number
  queued: number
  skipped: number
}

/**
 * Schedules a visit: one recipient row per tenant picked and, for each address that did not unsubscribe
 * (and not already mailed by this visit), one outbox mail due at the send time. Delivery checks the
 * unsubscribes again, so an address that leaves before then is not mailed.
 */
export async function createEmailVisit(services: Services, staff: StaffIdentity, input: CreateEmailVisitInput): Promise<CreatedEmailVisit> {
  const now = services.now()
  const sendAt = sendAtOf(input.sendAt, now)
  if (
    Number.isNaN(sendAt.getTime()) ||
    sendAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * DAY_MS ||
    sendAt.getTime() < now.getTime() - PAST_SEND_GRACE_MINUTES * MINUTE_MS
  ) {
    throw new AppError('invalid_request', `A visit is sent from now to at most ${MAX_SCHEDULE_DAYS} days ahead; leave the time empty to send it now.`, [{ path: 'sendAt', message: 'out of range' }])
  }
  if (input.visitId && (await findEmailVisit(services.db, input.visitId))) {
    throw new AppError('email_visit_already_scheduled', 'This e-mail visit was already scheduled; it is not sent again.')
  }
  // A time already past means at once.
  const dueAt = sendAt.getTime() < now.getTime() ? now : sendAt
  const bundles = bundlesOf(await services.catalogs.current(), input.offerings)
  const tenants = await audienceOf(services.db, staff, input)
  if (tenants.length === 0) throw new AppError('invalid_request', 'No tenant matches these filters.', [{ path: 'recipients', message: 'none' }])
  if (tenants.length > MAX_RECIPIENTS) throw new AppError('invalid_request', `A visit goes to at most ${MAX_RECIPIENTS} tenants; narrow the filters.`, [{ path: 'recipients', message: 'too many' }])
  const statuses = await statusesOf(services.db, tenants)
  const id = input.visitId ?? randomUUID()
  const at = now.toISOString()
  const lang = input.lang
  return services.db.transaction().execute(async (trx) => {
    await insertEmailVisitOnce(trx, services.db, {
      id,
      created_by: staff.user.id,
      manager_id: staff.user.managerId ?? null,
      lang,
      template: input.template,
      offerings_json: JSON.stringify(bundles.map((bundle) => bundle.slug)),
      utm_campaign: input.utmCampaign,
      send_at: dueAt.toISOString(),
      created_at: at,
    })
    // Its clicks land with this tag: counted under it from now, not under '(other)' until a campaign names it.
    await registerCampaignValue(trx, input.utmCampaign)
    // 144 random bits: the token is the recipient's only key to their clicks and their unsubscribe.
    const rows = tenants.map((tenant, index) => ({ tenant, status: statuses[index], id: randomUUID(), token: randomBytes(18).toString('base64url') }))
    await insertEmailVisitRecipients(
      trx,
      rows.map((row) => ({ id: row.id, visit_id: id, tenant_id: row.tenant.id, building_id: row.tenant.building_id, email: row.tenant.email, company: row.tenant.company, token: row.token, status: row.status, first_clicked_at: null, sent_at: null })),
    )
    for (const row of rows) {
      if (row.status !== 'queued') continue
      const payload = payloadOf(services.siteUrl, lang, input.template, bundles, row.tenant, row.id, row.token)
      await enqueue(trx, { kind: 'email_visit', recipient: row.tenant.email!, lang, payload }, now, dueAt)
    }
    const queued = rows.filter((row) => row.status === 'queued').length
    const created = { id, sendAt: dueAt.toISOString(), recipients: rows.length, queued, skipped: rows.length - queued }
    const audience = { building: input.building, sizeMin: input.sizeMin, sizeMax: input.sizeMax, carrier: input.carrier, leadState: input.leadState }
    const after = { ...created, template: input.template, offerings: bundles.map((bundle) => bundle.slug), utmCampaign: input.utmCampaign, lang, audience }
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'email_visit.scheduled', subject: { kind: 'email_visit', id }, after }, now)
    return created
  })
}

/** Inserts a visit; the same form posted twice at once loses the race on the primary key and is told so. */
async function insertEmailVisitOnce(trx: Kysely<Database>, db: Kysely<Database>, visit: Parameters<typeof insertEmailVisit>[1]): Promise<void> {
  try {
    await insertEmailVisit(trx, visit)
  } catch (error) {
    if (await findEmailVisit(db, visit.id)) throw new AppError('email_visit_already_scheduled', 'This e-mail visit was already scheduled; it is not sent again.')
    throw error
  }
}

/**
 * Cancels a visit's mails that have not gone yet (its sender's visit for a manager, any for marketing and
 * admins), audited; a visit with nothing left to send is refused.
 */
export async function cancelEmailVisit(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, id: string): Promise<{ id: string; cancelled: number }> {
  await visibleVisit(services.db, staff, id)
  const now = services.now()
  return services.db.transaction().execute(async (trx) => {
    const cancelled = await cancelQueuedRecipients(trx, id)
    if (cancelled === 0) throw new AppError('email_visit_not_cancellable', 'Every mail of this visit has gone or was cancelled.')
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'email_visit.cancelled', subject: { kind: 'email_visit', id }, after: { cancelled } }, now)
    return { id, cancelled }
  })
}

/** A visit `staff` may see (a manager their own, marketing and admins any), or not found. */
async function visibleVisit(db: Kysely<Database>, staff: StaffIdentity, id: string) {
  const visit = await findEmailVisit(db, id)
  if (!visit || (staff.buildingIds !== 'all' && (!staff.user.managerId || visit.manager_id !== staff.user.managerId))) throw new AppError('not_found', 'There is no e-mail visit with this id.')
  return visit
}

/** One visit with what it did, and each recipient's mail, clicks, leads and orders. */
export async function emailVisitDetail(services: Pick<Services, 'db'>, staff: StaffIdentity, id: string): Promise<{ visit: EmailVisitSummary; recipients: RecipientResult[] }> {
  const visit = await visibleVisit(services.db, staff, id)
  const [summary] = await listEmailVisits(services.db, 'all', 1, visit.id)
  return { visit: summary, recipients: await recipientResults(services.db, visit.id) }
}

/** The visits `staff` may see with what they did: a manager their own, marketing and admins all. */
export async function emailVisits(services: Pick<Services, 'db'>, staff: StaffIdentity, limit = 50): Promise<EmailVisitSummary[]> {
  if (staff.buildingIds === 'all') return listEmailVisits(services.db, 'all', limit)
  if (!staff.user.managerId) return []
  return listEmailVisits(services.db, staff.user.managerId, limit)
}
