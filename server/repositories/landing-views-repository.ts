import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { shanghaiDate } from '../domain/working-days'
import type { Attribution } from '../schemas/attribution'

/** Where a campaign value the operator has not listed in campaign_values is counted. */
export const OTHER_CAMPAIGN = '(other)'

const campaignParameters = ['utm_source', 'utm_medium', 'utm_campaign'] as const

/** A search keyword is counted as typed up to this length (a campaign report's table shows it). */
export const MAX_COUNTED_TERM = 60

/**
 * Distinct keywords one campaign counts per Shanghai day, beyond which a new keyword is '(other)': a
 * campaign's value is public (it is in its ads' links), and each made-up keyword would otherwise add a row.
 */
export const MAX_TERMS_PER_CAMPAIGN_DAY = 500

/** One view of a landing page: which page, the visit's ad parameters, when. */
export interface LandingView {
  path: string
  attribution: Attribution
  at: Date
}

/**
 * Adds views (one, or those of one row counted together) of a landing page for its Shanghai day,
 * campaign and search keyword. Only known campaign values get rows of their own: anyone can put
 * random values in a URL, and each would otherwise add a row. A keyword (utm_term) is kept only under a known utm_campaign, cut to MAX_COUNTED_TERM characters,
 * and only while the campaign has fewer than MAX_TERMS_PER_CAMPAIGN_DAY keywords that day; else it is
 * '(other)'. Views of an existing row are one UPDATE; only a new row pays for the keyword count.
 */
export async function countLandingView(db: Kysely<Database>, view: LandingView, views = 1): Promise<void> {
  const given = campaignParameters.flatMap((parameter) => (view.attribution[parameter] ? [{ parameter, value: view.attribution[parameter] }] : []))
  const known =
    given.length === 0
      ? []
      : await db
          .selectFrom('campaign_values')
          .select(['parameter', 'value'])
          .where((eb) => eb.or(given.map(({ parameter, value }) => eb.and([eb('parameter', '=', parameter), eb('value', '=', value)]))))
          .execute()
  const counted = (parameter: (typeof campaignParameters)[number]) => {
    const value = view.attribution[parameter]
    if (!value) return ''
    return known.some((row) => row.parameter === parameter && row.value === value) ? value : OTHER_CAMPAIGN
  }
  const campaign = counted('utm_campaign')
  const term = view.attribution.utm_term ? (campaign !== '' && campaign !== OTHER_CAMPAIGN ? view.attribution.utm_term.slice(0, MAX_COUNTED_TERM) : OTHER_CAMPAIGN) : ''
  const row = { day: shanghaiDate(view.at), path: view.path, utm_source: counted('utm_source'), utm_medium: counted('utm_medium'), utm_campaign: campaign, utm_term: term }
  if (await addViews(db, row, views)) return
  if (term !== '' && term !== OTHER_CAMPAIGN && (await keywordsOfDay(db, row.day, campaign)) >= MAX_TERMS_PER_CAMPAIGN_DAY) {
    row.utm_term = OTHER_CAMPAIGN
    if (await addViews(db, row, views)) return
  }
  // An upsert both databases understand: a view arriving at the same moment may have made the row.
  await db
    .insertInto('landing_views')
    .values({ ...row, views })
    .onConflict((conflict) =>
      conflict.columns(['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term']).doUpdateSet({ views: sql`landing_views.views + ${views}` }),
    )
    .execute()
}

type ViewKey = Omit<Database['landing_views'], 'views'>

/** More views on the key's row, if it exists. */
async function addViews(db: Kysely<Database>, key: ViewKey, views: number): Promise<boolean> {
  const result = await db
    .updateTable('landing_views')
    .set({ views: sql`views + ${views}` })
    .where('day', '=', key.day)
    .where('path', '=', key.path)
    .where('utm_source', '=', key.utm_source)
    .where('utm_medium', '=', key.utm_medium)
    .where('utm_campaign', '=', key.utm_campaign)
    .where('utm_term', '=', key.utm_term)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

async function keywordsOfDay(db: Kysely<Database>, day: string, campaign: string): Promise<number> {
  const row = await db
    .selectFrom('landing_views')
    .select((eb) => eb.fn.count<number | string>('utm_term').distinct().as('terms'))
    .where('day', '=', day)
    .where('utm_campaign', '=', campaign)
    .where('utm_term', 'not in', ['', OTHER_CAMPAIGN])
    .executeTakeFirst()
  return Number(row?.terms ?? 0)
}

export async function landingViews(db: Kysely<Database>, path: string) {
  return db.selectFrom('landing_views').selectAll().where('path', '=', path).orderBy('day').execute()
}
