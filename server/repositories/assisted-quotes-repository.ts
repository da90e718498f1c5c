import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type AssistedQuoteRow = Selectable<Database['assisted_quotes']>

/** With who set X (their name), the building's names and the quote's month-1 bill and expiry. */
export type AssistedQuoteEntry = AssistedQuoteRow & {
  staff_name: string | null
  building_name_zh: string
  building_name_en: string
  offering_slug: string
  estimated_monthly_fen: number
  expires_at: string
}

export async function insertAssistedQuote(db: Kysely<Database>, row: AssistedQuoteRow): Promise<void> {
  await db.insertInto('assisted_quotes').values(row).execute()
}

const entries = (db: Kysely<Database>) =>
  db
    .selectFrom('assisted_quotes')
    .innerJoin('quotes', 'quotes.id', 'assisted_quotes.quote_id')
    .innerJoin('buildings', 'buildings.id', 'assisted_quotes.building_id')
    .leftJoin('staff_users', 'staff_users.id', 'assisted_quotes.staff_user_id')
    .selectAll('assisted_quotes')
    .select([
      'staff_users.display_name as staff_name',
      'buildings.name_zh as building_name_zh',
      'buildings.name_en as building_name_en',
      'quotes.offering_slug',
      'quotes.estimated_monthly_fen',
      'quotes.expires_at',
    ])

export async function findAssistedQuote(db: Kysely<Database>, quoteId: string): Promise<AssistedQuoteEntry | undefined> {
  return entries(db).where('assisted_quotes.quote_id', '=', quoteId).executeTakeFirst()
}

export async function listAssistedQuotes(db: Kysely<Database>, buildingIds: 'all' | string[], limit: number): Promise<AssistedQuoteEntry[]> {
  if (buildingIds !== 'all' && buildingIds.length === 0) return []
  let select = entries(db)
  if (buildingIds !== 'all') select = select.where('assisted_quotes.building_id', 'in', buildingIds)
  return select.orderBy('assisted_quotes.created_at', 'desc').orderBy('assisted_quotes.quote_id', 'desc').limit(limit).execute()
}
