import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import type { Database } from '../../db/schema'
import type { CatalogDraftStatus } from '../domain/catalog-draft-status'

export type CatalogDraftRow = Selectable<Database['catalog_drafts']> & { author_name: string; decided_by_name: string | null }

/** Drafts with the names of their author and of whoever decided. */
const named = (db: Kysely<Database>) =>
  db
    .selectFrom('catalog_drafts')
    .innerJoin('staff_users as author', 'author.id', 'catalog_drafts.author_id')
    .leftJoin('staff_users as decider', 'decider.id', 'catalog_drafts.decided_by')
    .select(['author.display_name as author_name', 'decider.display_name as decided_by_name'])

const withNames = (db: Kysely<Database>) => named(db).selectAll('catalog_drafts')

export async function findDraftRow(db: Kysely<Database>, id: string): Promise<CatalogDraftRow | undefined> {
  return withNames(db).where('catalog_drafts.id', '=', id).executeTakeFirst()
}

/** The newest drafts first, without their books (a list does not show them); the console lists at most this many. */
export async function listDraftRows(db: Kysely<Database>, limit = 100) {
  return named(db)
    .select(['catalog_drafts.id', 'catalog_drafts.title', 'catalog_drafts.status', 'catalog_drafts.base_version', 'catalog_drafts.updated_at', 'catalog_drafts.catalog_version'])
    .orderBy('catalog_drafts.updated_at', 'desc')
    .orderBy('catalog_drafts.id', 'desc')
    .limit(limit)
    .execute()
}

export async function insertDraft(db: Kysely<Database>, row: Insertable<Database['catalog_drafts']>): Promise<void> {
  await db.insertInto('catalog_drafts').values(row).execute()
}

/** Saves a new book over the revision the editor read: false when someone saved (or decided) meanwhile. */
export async function updateDraftBook(db: Kysely<Database>, id: string, revision: number, bookJson: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('catalog_drafts')
    .set({ book_json: bookJson, revision: revision + 1, updated_at: now })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('status', 'in', ['draft', 'sent_back'])
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Moves a draft from the status it was read in: false when a concurrent command moved it first. */
export async function transitionDraft(
  db: Kysely<Database>,
  id: string,
  from: CatalogDraftStatus,
  to: CatalogDraftStatus,
  set: Updateable<Database['catalog_drafts']>,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('catalog_drafts')
    .set({ ...set, status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
