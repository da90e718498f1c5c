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
 * Adds one view of a landing page for its Shanghai day, campaign and search keyword (an upsert both
 * databases understand). Only known campaign values get rows of their own: anyone can put random
 * values in a URL, and each would otherwise add a row. A keyword (utm_term) is kept only under a known
 * utm_campaign, cut to MAX_COUNTED_TERM characters; else it is '(other)'.
 */
export async function countLandingView(db: Kysely<Database>, view: { path: string; attribution: Attribution; at: Date }): Promise<void> {
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
  await db
    .insertInto('landing_views')
    .values({
      day: shanghaiDate(view.at),
      path: view.path,
      utm_source: counted('utm_source'),
      utm_medium: counted('utm_medium'),
      utm_campaign: campaign,
      utm_term: term,
      views: 1,
    })
    .onConflict((conflict) =>
      conflict.columns(['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term']).doUpdateSet({ views: sql`landing_views.views + 1` }),
    )
    .execute()
}

export async function landingViews(db: Kysely<Database>, path: string) {
  return db.selectFrom('landing_views').selectAll().where('path', '=', path).orderBy('day').execute()
}
