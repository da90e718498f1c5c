import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Attribution } from '../schemas/attribution'

/** Adds one view of a landing page for its day and campaign (an upsert both databases understand). */
export async function countLandingView(db: Kysely<Database>, view: { path: string; attribution: Attribution; at: Date }): Promise<void> {
  await db
    .insertInto('landing_views')
    .values({
      day: view.at.toISOString().slice(0, 10),
      path: view.path,
      utm_source: view.attribution.utm_source ?? '',
      utm_medium: view.attribution.utm_medium ?? '',
      utm_campaign: view.attribution.utm_campaign ?? '',
      views: 1,
    })
    .onConflict((conflict) =>
      conflict.columns(['day', 'path', 'utm_source', 'utm_medium', 'utm_campaign']).doUpdateSet({ views: sql`landing_views.views + 1` }),
    )
    .execute()
}

export async function landingViews(db: Kysely<Database>, path: string) {
  return db.selectFrom('landing_views').selectAll().where('path', '=', path).orderBy('day').execute()
}
