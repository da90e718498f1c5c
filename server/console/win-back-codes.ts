import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { generateWinBackCode } from '../domain/win-back-code'
import { AppError } from '../errors'
import { enqueue } from '../notifications/messages'
import type { Catalog } from '../pricing/catalog'
import type { Offering } from '../pricing/catalog-schema'
import { auditOf, recordAudit, type AuditRecord } from '../repositories/audit-repository'
import { findBuildingWithManager } from '../repositories/buildings-repository'
import {
  findOfferCode,
  findOfferCodeRow,
  insertOfferCode,
  listOfferCodes,
  offerCodeState,
  revokeOfferCode,
  type OfferCode,
  type OfferCodeListRow,
  type OfferCodeListState,
} from '../repositories/offer-codes-repository'
import type { IssueOfferCodeInput, OfferCodeListQueryInput } from '../schemas/console-offer-codes'
import type { Services } from '../services/services'
import type { StaffIdentity } from './sessions'

/*
 * Win-back codes in the console (issue 12): a single-use code for one company at one building, for an
 * offering the public catalog does not list. Marketing and admins see every building's codes, a
 * building manager only their own buildings' (another building's code is not found: 404): the
 * session's building scope (server/console/sessions.ts).
 */

const inScope = (scope: 'all' | string[], buildingId: string | null) => scope === 'all' || (buildingId !== null && scope.includes(buildingId))

/** The offerings a win-back code may be issued for: the catalog's unlisted ones. */
export const winBackOfferings = (catalog: Catalog): Offering[] => [...catalog.offerings.values()].filter((offering) => !offering.listed)

/** A code is usable for at most this long: a win-back offer is a moment, not a standing price. */
export const MAX_CODE_DAYS = 180
const DAY_MS = 24 * 60 * 60 * 1000

/** The end of a Shanghai calendar day (UTC+8, no daylight saving), as the moment a code stops working. */
export const endOfShanghaiDay = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + DAY_MS)

export interface IssuedOfferCode {
  code: string
  offering: string
  companyName: string
  creditCode: string
  buildingId: string
  expiresAt: string
  emailedTo: string | null
}

export async function issueWinBackCode(services: Services, staff: StaffIdentity, input: IssueOfferCodeInput): Promise<IssuedOfferCode> {
  const now = services.now()
  const found = await findBuildingWithManager(services.db, input.buildingId)
  if (!found || !inScope(staff.buildingIds, found.building.id)) {
    throw new AppError('building_not_found', `There is no building ${input.buildingId} of yours.`, [{ path: 'buildingId', message: 'unknown building' }])
  }
  const catalog = await services.catalogs.current()
  if (!winBackOfferings(catalog).some((offering) => offering.slug === input.offering)) {
    throw new AppError('invalid_request', 'A win-back code is issued for one of the unlisted offerings.', [{ path: 'offering', message: 'not a win-back offering' }])
  }
  const expiresAt = endOfShanghaiDay(input.expiresOn)
  if (expiresAt.getTime() <= now.getTime() || expiresAt.getTime() > now.getTime() + (MAX_CODE_DAYS + 1) * DAY_MS) {
    throw new AppError('invalid_request', `A code expires between today and ${MAX_CODE_DAYS} days from now.`, [{ path: 'expiresOn', message: 'out of range' }])
  }
  const { building, manager } = found
  const at = now.toISOString()
  return services.db.transaction().execute(async (trx) => {
    let code: string
    // 59 bits: a clash is all but impossible, yet a drawn code that exists is drawn again, never reused.
    do code = generateWinBackCode()
    while (
      !(await insertOfferCode(trx, {
        code,
        offering_slug: input.offering,
        company_name: input.companyName,
        credit_code: input.creditCode,
        building_id: building.id,
        issued_by: building.manager_id,
        issued_by_user: staff.user.id,
        issued_at: at,
        expires_at: expiresAt.toISOString(),
        emailed_to: input.email ?? null,
      }))
    )
    const issued: IssuedOfferCode = {
      code,
      offering: input.offering,
      companyName: input.companyName,
      creditCode: input.creditCode,
      buildingId: building.id,
      expiresAt: expiresAt.toISOString(),
      emailedTo: input.email ?? null,
    }
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'offer_code.issued', subject: { kind: 'offer_code', id: code }, after: issued }, now)
    if (input.email) {
      const lang = input.lang
      await enqueue(
        trx,
        {
          kind: 'win_back_offer',
          recipient: input.email,
          lang,
          payload: {
            code,
            offerUrl: `${services.siteUrl}${lang === 'en' ? '/en' : ''}/offer?code=${encodeURIComponent(code)}`,
            companyName: input.companyName,
            buildingName: lang === 'zh' ? building.name_zh : building.name_en,
            expiresAt: issued.expiresAt,
            ...(manager ? { managerName: lang === 'zh' ? manager.name : manager.name_en, managerPhone: manager.phone } : {}),
          },
        },
        now,
      )
    }
    return issued
  })
}

export type OfferCodeEntry = OfferCodeListRow & { state: OfferCodeListState }

export interface OfferCodePage {
  codes: OfferCodeEntry[]
  /** The `after` of the next page, or null on the last one. */
  next: string | null
}

const PAGE = 50

/** Sent (usable), used, expired or revoked, as the console says it. */
export function listState(row: OfferCode, now: Date): OfferCodeListState {
  const state = offerCodeState(row, undefined, now)
  return state === 'usable' || state === 'unknown' ? 'sent' : state
}

const encodeCursor = (row: OfferCode) => Buffer.from(`${row.issued_at ?? ''}|${row.code}`).toString('base64url')

function decodeCursor(after: string | undefined): { issuedAt: string; code: string } | undefined {
  if (!after) return undefined
  const text = Buffer.from(after, 'base64url').toString()
  const split = text.lastIndexOf('|')
  if (split < 0 || split === text.length - 1) throw new AppError('invalid_request', 'The page cursor is not valid.', [{ path: 'after', message: 'invalid' }])
  return { issuedAt: text.slice(0, split), code: text.slice(split + 1) }
}

/** One page of the codes `staff` may see, newest first, filtered. */
export async function winBackCodes(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, query: OfferCodeListQueryInput): Promise<OfferCodePage> {
  const now = services.now()
  const limit = query.limit ?? PAGE
  const rows = await listOfferCodes(
    services.db,
    staff.buildingIds,
    { state: query.state, buildingId: query.building, q: query.q, after: decodeCursor(query.after), limit: limit + 1 },
    now,
  )
  const page = rows.slice(0, limit).map((row) => ({ ...row, state: listState(row, now) }))
  return { codes: page, next: rows.length > limit ? encodeCursor(page[page.length - 1]) : null }
}

export interface OfferCodeDetail {
  code: OfferCodeEntry
  audit: AuditRecord[]
}

async function findInScope(db: Kysely<Database>, staff: StaffIdentity, code: string): Promise<OfferCode> {
  const found = await findOfferCode(db, code)
  if (!found || !inScope(staff.buildingIds, found.building_id)) throw new AppError('offer_code_not_found', `There is no offer code ${code} of yours.`)
  return found
}

/** One code with its history; not found outside the user's scope. */
export async function winBackCode(services: Pick<Services, 'db' | 'now'>, staff: StaffIdentity, code: string): Promise<OfferCodeDetail> {
  const found = await findInScope(services.db, staff, code)
  const row = (await findOfferCodeRow(services.db, found.code))!
  return { code: { ...row, state: listState(row, services.now()) }, audit: await auditOf(services.db, { kind: 'offer_code', id: found.code }) }
}

/** Withdraws a code nobody has ordered with: refused in the storefront from now on. Audited with the reason. */
export async function revokeWinBackCode(services: Services, staff: StaffIdentity, code: string, reason: string): Promise<OfferCodeEntry> {
  const now = services.now()
  const found = await findInScope(services.db, staff, code)
  const state = listState(found, now)
  if (state !== 'sent') throw new AppError('offer_code_not_revocable', `This offer code is ${state}: only a code not yet used or expired can be revoked.`)
  await services.db.transaction().execute(async (trx) => {
    if (!(await revokeOfferCode(trx, found.code, staff.user.id, reason, now.toISOString()))) {
      throw new AppError('offer_code_not_revocable', 'This offer code was used or revoked meanwhile.')
    }
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'offer_code.revoked', subject: { kind: 'offer_code', id: found.code }, before: { state }, after: { state: 'revoked' }, reason }, now)
  })
  return (await winBackCode(services, staff, found.code)).code
}
