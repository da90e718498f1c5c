import { sql, type Kysely } from 'kysely'

/**
 * Catalog management (issue 14): price-book drafts go through approval, and an approved version is
 * published by a release at a chosen time, optionally only in pilot districts or buildings and only
 * until a date.
 *
 * catalog_drafts holds one proposed price book as a whole (book_json, always valid: every save is
 * checked), its status in the approval flow and who decided. revision counts saves, so two editors
 * cannot overwrite each other unknowingly. catalog_releases says which catalog version applies from
 * when, until when and where (districts_json / building_ids_json: null means everywhere); the live
 * release is chosen at request time, so nothing restarts when one starts or ends. A release withdrawn
 * before its time never applies.
 *
 * The latest catalog version of an existing database becomes the first release, live since it was
 * created, so a database migrated from before keeps pricing as it did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_drafts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('base_version', 'text', (col) => col.notNull().references('catalog_versions.id'))
    .addColumn('book_json', 'text', (col) => col.notNull())
    .addColumn('revision', 'integer', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('catalog_version', 'text', (col) => col.references('catalog_versions.id'))
    .execute()
  await db.schema.createIndex('catalog_drafts_status_idx').on('catalog_drafts').columns(['status', 'updated_at']).execute()

  await db.schema
    .createTable('catalog_releases')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('catalog_version', 'text', (col) => col.notNull().references('catalog_versions.id'))
    .addColumn('draft_id', 'text', (col) => col.references('catalog_drafts.id'))
    .addColumn('publish_at', 'text', (col) => col.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('districts_json', 'text')
    .addColumn('building_ids_json', 'text')
    .addColumn('released_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    // An approver may withdraw a release before its time (a wrong date): it then never applies.
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute()
  await db.schema.createIndex('catalog_releases_publish_idx').on('catalog_releases').columns(['publish_at']).execute()

  await sql`
    insert into catalog_releases (id, catalog_version, publish_at, created_at)
    select 'r-' || id, id, created_at, created_at from catalog_versions
    where sequence = (select max(sequence) from catalog_versions)
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_releases').execute()
  await db.schema.dropTable('catalog_drafts').execute()
}
