import { randomUUID } from 'node:crypto'
import { stringify } from 'csv-stringify/sync'
import { spreadsheetCsv } from './spreadsheet-safe'
import { campaignReport, NONE_KEY, OTHER_KEY, type CampaignReport, type Figures, type ResultLine } from '../campaigns/campaign-report'
import { campaignChannelNames, type CampaignChannel } from '../domain/campaign-channels'
import { AppError } from '../errors'
import { recordAudit } from '../repositories/audit-repository'
import {
  findCampaign,
  insertCampaign,
  listCampaigns,
  registerCampaignValue,
  updateCampaign,
  type Campaign,
  type CampaignRow,
} from '../repositories/campaigns-repository'
import type { CampaignInput } from '../schemas/console-campaigns'
import type { Services } from '../services/services'
import type { StaffIdentity } from './sessions'

type Lang = 'zh' | 'en'

export const campaignNotFound = (id: string) => new AppError('campaign_not_found', `There is no campaign ${id}.`)

/** The campaigns `staff` sees (a manager: those targeting one of their buildings). */
export const campaignList = (services: Pick<Services, 'db'>, staff: StaffIdentity) => listCampaigns(services.db, staff.buildingIds)

/** One campaign, or 404 outside the staff member's scope. */
export async function campaignOf(services: Pick<Services, 'db'>, staff: StaffIdentity, id: string): Promise<Campaign> {
  const campaign = await findCampaign(services.db, id, staff.buildingIds)
  if (!campaign) throw campaignNotFound(id)
  return campaign
}

/** The bundles must be the catalog's and the buildings real: each refusal names the field to correct. */
async function checkTargets(services: Pick<Services, 'db' | 'catalogs'>, input: CampaignInput): Promise<void> {
  const catalog = await services.catalogs.current()
  const unknownOffering = input.offerings.find((slug) => !catalog.offerings.has(slug))
  if (unknownOffering) throw new AppError('offering_not_found', `There is no bundle ${unknownOffering}.`, [{ path: 'offerings', message: 'unknown bundle' }])
  const ids = [...new Set(input.buildingIds)]
  const found = ids.length > 0 ? await services.db.selectFrom('buildings').select('id').where('id', 'in', ids).execute() : []
  if (found.length !== ids.length) throw new AppError('building_not_found', 'A target building does not exist.', [{ path: 'buildingIds', message: 'unknown building' }])
}

/**
 * A tag is another campaign's if it is the same ignoring case (Spring-EN and spring-en): ad platforms
 * and people retype tags in either case, and two campaigns a letter's case apart would split one
 * campaign's visits. The tag is kept as typed.
 */
async function refuseTakenUtm(services: Pick<Services, 'db'>, utmCampaign: string, ownId?: string): Promise<void> {
  const holder = await services.db
    .selectFrom('campaigns')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['utm_campaign']), '=', utmCampaign.toLowerCase()))
    .$if(ownId !== undefined, (query) => query.where('id', '<>', ownId!))
    .executeTakeFirst()
  if (holder) throw new AppError('campaign_taken', 'Another campaign uses this utm_campaign.', [{ path: 'utmCampaign', message: 'taken' }])
}

const audited = (input: CampaignInput) => ({ ...input, offerings: [...new Set(input.offerings)], buildingIds: [...new Set(input.buildingIds)] })

/**
 * A new campaign. Its utm_campaign becomes a known campaign value, so the landing page counts its
 * views (and their keywords) under its own name from now on.
 */
export async function createCampaign(services: Pick<Services, 'db' | 'catalogs' | 'now'>, staff: StaffIdentity, input: CampaignInput): Promise<{ id: string }> {
  await checkTargets(services, input)
  await refuseTakenUtm(services, input.utmCampaign)
  const id = randomUUID()
  const now = services.now()
  const at = now.toISOString()
  const row: CampaignRow = { id, name: input.name, channel: input.channel, utm_campaign: input.utmCampaign, starts_on: input.startsOn, ends_on: input.endsOn, created_by: staff.user.id, created_at: at, updated_at: at }
  await services.db.transaction().execute(async (trx) => {
    await insertCampaign(trx, row, input.offerings, input.buildingIds)
    await registerCampaignValue(trx, input.utmCampaign)
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'campaign.created', subject: { kind: 'campaign', id }, after: audited(input) }, now)
  })
  return { id }
}

export async function editCampaign(services: Pick<Services, 'db' | 'catalogs' | 'now'>, staff: StaffIdentity, id: string, input: CampaignInput): Promise<{ id: string }> {
  const before = await campaignOf(services, staff, id)
  await checkTargets(services, input)
  await refuseTakenUtm(services, input.utmCampaign, id)
  const now = services.now()
  await services.db.transaction().execute(async (trx) => {
    await updateCampaign(trx, id, { name: input.name, channel: input.channel, utm_campaign: input.utmCampaign, starts_on: input.startsOn, ends_on: input.endsOn, updated_at: now.toISOString() }, input.offerings, input.buildingIds)
    await registerCampaignValue(trx, input.utmCampaign)
    const was = { name: before.name, channel: before.channel, utmCampaign: before.utm_campaign, offerings: before.offerings, buildingIds: before.buildingIds, startsOn: before.starts_on, endsOn: before.ends_on }
    await recordAudit(trx, { actor: { kind: 'staff', id: staff.user.id }, action: 'campaign.edited', subject: { kind: 'campaign', id }, before: was, after: audited(input) }, now)
  })
  return { id }
}

export interface CampaignWithReport {
  campaign: Campaign
  report: CampaignReport
}

export async function campaignWithReport(services: Pick<Services, 'db'>, staff: StaffIdentity, id: string): Promise<CampaignWithReport> {
  const campaign = await campaignOf(services, staff, id)
  return { campaign, report: await campaignReport(services, staff, campaign) }
}

/* The CSV export: every table of the report page, one section after the other. */

const csvHeaders: Record<Lang, string[]> = {
  zh: ['分组', '项目', '落地页浏览', '报价', '线索', '订单', '浏览→报价', '报价→线索', '报价→订单', '浏览→订单', '线索确认率', '线索成交率', '线索响应中位数（分钟）', '订单首年收入（元）'],
  en: ['Breakdown', 'Line', 'Landing views', 'Quotes', 'Leads', 'Orders', 'View→quote', 'Quote→lead', 'Quote→order', 'View→order', 'Leads qualified', 'Leads won', 'Median lead response (minutes)', 'First-year revenue of orders (CNY)'],
}
const csvSections: Record<Lang, Record<'total' | 'term' | 'building' | 'manager' | 'day', string>> = {
  zh: { total: '合计', term: '搜索关键词', building: '楼宇', manager: '楼宇经理', day: '日期（上海）' },
  en: { total: 'Total', term: 'Search keyword', building: 'Building', manager: 'Manager', day: 'Day (Shanghai)' },
}
const csvKeys: Record<Lang, Record<string, string>> = {
  zh: { [NONE_KEY]: '（无）', [OTHER_KEY]: '（其他）' },
  en: { [NONE_KEY]: '(none)', [OTHER_KEY]: '(other)' },
}

const percent = (value: number | null) => (value === null ? '' : (value * 100).toFixed(1) + '%')
export const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`

function csvRow(section: string, label: string, figures: Figures): string[] {
  return [
    section,
    // A keyword like `=HYPERLINK(…)` is kept as text by the export's options (spreadsheetCsv).
    label,
    figures.views === null ? '' : String(figures.views),
    String(figures.quotes),
    String(figures.leads),
    String(figures.orders),
    percent(figures.quoteRate),
    percent(figures.leadRate),
    percent(figures.orderRate),
    percent(figures.viewToOrder),
    percent(figures.qualifiedShare),
    percent(figures.wonShare),
    figures.medianResponseMinutes === null ? '' : String(Math.round(figures.medianResponseMinutes)),
    yuan(figures.revenueFen),
  ]
}

/** The report as CSV (UTF-8 with BOM, as Excel in China opens it), headers and names in `lang`. */
export function campaignReportCsv({ campaign, report }: CampaignWithReport, lang: Lang): string {
  const sections = csvSections[lang]
  const label = (line: ResultLine) => csvKeys[lang][line.key] ?? line.label[lang]
  const rows = [
    csvRow(sections.total, `${campaign.name} · ${campaignChannelNames[campaign.channel as CampaignChannel]?.[lang] ?? campaign.channel} · ${campaign.starts_on}–${campaign.ends_on}`, report.totals),
    ...report.byTerm.map((line) => csvRow(sections.term, label(line), line.figures)),
    ...report.byBuilding.map((line) => csvRow(sections.building, label(line), line.figures)),
    ...report.byManager.map((line) => csvRow(sections.manager, label(line), line.figures)),
    ...report.byDay.map((line) => csvRow(sections.day, label(line), line.figures)),
  ]
  return stringify([csvHeaders[lang], ...rows], spreadsheetCsv)
}

/** The file name of a campaign's CSV: its utm_campaign (letters, digits, `._-` only) and today. */
export const campaignCsvName = (campaign: Campaign, day: string) => `campaign-${campaign.utm_campaign}-${day}.csv`

/** What the campaign form offers: the catalog's listed bundles and every building (marketing plans city-wide). */
export async function campaignChoices(services: Pick<Services, 'db' | 'catalogs'>) {
  const catalog = await services.catalogs.current()
  const offerings = [...catalog.offerings.values()].filter((offering) => offering.listed).map((offering) => ({ slug: offering.slug, name: offering.name }))
  const buildings = await services.db.selectFrom('buildings').select(['id', 'name_zh', 'name_en', 'district']).orderBy('district').orderBy('name_en').execute()
  return { offerings, buildings }
}
