import type { Kysely } from 'kysely'

/**
 * A building's tenant companies, imported from the lists marketing and building managers keep (CSV or
 * XLSX) and cleaned on the way in. A tenant is one company at one building: unique there by its
 * normalised name and, when known, by its unified social credit code. `edited_fields` (a JSON array of
 * field names) lists what a manager corrected by hand; an import never overwrites those.
 *
 * An import is a job row: who sent which file (its content hash makes a repeated file a no-op), its
 * progress while it runs in the background, and its report when done.
 *
 * Buildings get what makes one a target: `competitor_exclusive` (a competitor holds it exclusively)
 * and `tenant_companies` (how many tenants it has, kept with every tenant write).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('buildings').addColumn('competitor_exclusive', 'integer', (col) => col.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('buildings').addColumn('tenant_companies', 'integer', (col) => col.notNull().defaultTo(0)).execute()

  await db.schema
    .createTable('tenant_imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Null: a city-wide file whose rows name their buildings.
    .addColumn('building_id', 'text', (col) => col.references('buildings.id'))
    // Whose import this is for idempotency: the building, or for a city file the importer's reach.
    .addColumn('scope_key', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_format', 'text')
    .addColumn('imported_by', 'text', (col) => col.references('staff_users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('rows_total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rows_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('merged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('refused', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('report_json', 'text')
    .addColumn('failure', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    // Written with every batch: a running job whose heartbeat stopped was interrupted.
    .addColumn('heartbeat_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('tenant_imports_file_idx').on('tenant_imports').columns(['scope_key', 'content_hash']).unique().execute()
  await db.schema.createIndex('tenant_imports_building_idx').on('tenant_imports').columns(['building_id', 'created_at']).execute()
  await db.schema.createIndex('tenant_imports_importer_idx').on('tenant_imports').columns(['imported_by', 'created_at']).execute()

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('building_id', 'text', (col) => col.notNull().references('buildings.id'))
    .addColumn('company', 'text', (col) => col.notNull())
    .addColumn('name_key', 'text', (col) => col.notNull())
    // The name key of the company as the lists spell it: still found after a manager corrects the name.
    .addColumn('listed_name_key', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('floor', 'text')
    .addColumn('unit', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('mobile', 'text')
    .addColumn('email', 'text')
    .addColumn('staff_size', 'integer')
    .addColumn('carrier', 'text')
    .addColumn('edited_fields', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('import_id', 'text', (col) => col.references('tenant_imports.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  // Both databases let several NULL credit codes share a building under the unique index.
  await db.schema.createIndex('tenants_building_name_idx').on('tenants').columns(['building_id', 'name_key']).unique().execute()
  await db.schema.createIndex('tenants_building_credit_code_idx').on('tenants').columns(['building_id', 'credit_code']).unique().execute()
  await db.schema.createIndex('tenants_credit_code_idx').on('tenants').column('credit_code').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenants').execute()
  await db.schema.dropTable('tenant_imports').execute()
  await db.schema.alterTable('buildings').dropColumn('tenant_companies').execute()
  await db.schema.alterTable('buildings').dropColumn('competitor_exclusive').execute()
}
