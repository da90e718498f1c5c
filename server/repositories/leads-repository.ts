import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema'

export type Lead = Selectable<Database['leads']>

export async function insertLead(db: Kysely<Database>, lead: Insertable<Database['leads']>): Promise<void> {
  await db.insertInto('leads').values(lead).execute()
}

export async function findLead(db: Kysely<Database>, id: string): Promise<Lead | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst()
}
