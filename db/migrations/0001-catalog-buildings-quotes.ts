import type { Kysely } from 'kysely'

/** Catalog versions, buildings and their managers, offer codes, quotes. Money in integer fen (bigint). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('sequence', 'integer', (col) => col.notNull().unique())
    .addColumn('content_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('catalog_components')
    .addColumn('catalog_version', 'text', (col) => col.notNull().references('catalog_versions.id'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name_zh', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('monthly_fen', 'bigint', (col) => col.notNull())
    .addColumn('install_fen', 'bigint', (col) => col.notNull())
    .addColumn('speed_mbps', 'integer')
    .addColumn('needs_json', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('catalog_components_pk', ['catalog_version', 'code'])
    .execute()

  await db.schema
    .createTable('catalog_term_prices')
    .addColumn('catalog_version', 'text', (col) => col.notNull())
    .addColumn('component_code', 'text', (col) => col.notNull())
    .addColumn('term_months', 'integer', (col) => col.notNull())
    .addColumn('monthly_fen', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('catalog_term_prices_pk', ['catalog_version', 'component_code', 'term_months'])
    .addForeignKeyConstraint('catalog_term_prices_component_fk', ['catalog_version', 'component_code'], 'catalog_components', [
      'catalog_version',
      'code',
    ])
    .execute()

  await db.schema
    .createTable('catalog_offerings')
    .addColumn('catalog_version', 'text', (col) => col.notNull().references('catalog_versions.id'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('listed', 'integer', (col) => col.notNull())
    .addColumn('definition_json', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('catalog_offerings_pk', ['catalog_version', 'slug'])
    .execute()

  await db.schema
    .createTable('building_managers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('phone', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('district', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('buildings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_zh', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('address_zh', 'text', (col) => col.notNull())
    .addColumn('address_en', 'text', (col) => col.notNull())
    .addColumn('district', 'text', (col) => col.notNull())
    .addColumn('grade', 'text', (col) => col.notNull())
    .addColumn('free_fibre_ports', 'integer', (col) => col.notNull())
    .addColumn('free_voice_ports', 'integer', (col) => col.notNull())
    .addColumn('max_broadband_mbps', 'integer', (col) => col.notNull())
    .addColumn('tenants', 'integer', (col) => col.notNull())
    .addColumn('same_day_install', 'integer', (col) => col.notNull())
    .addColumn('manager_id', 'text', (col) => col.references('building_managers.id'))
    .execute()

  await db.schema
    .createTable('offer_codes')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('offering_slug', 'text', (col) => col.notNull())
    .addColumn('company_name', 'text', (col) => col.notNull())
    .addColumn('building_id', 'text', (col) => col.references('buildings.id'))
    .addColumn('issued_by', 'text', (col) => col.references('building_managers.id'))
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute()

  await db.schema
    .createTable('quotes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('catalog_version', 'text', (col) => col.notNull().references('catalog_versions.id'))
    .addColumn('offering_slug', 'text', (col) => col.notNull())
    .addColumn('building_id', 'text', (col) => col.references('buildings.id'))
    .addColumn('offer_code', 'text', (col) => col.references('offer_codes.code'))
    .addColumn('term_months', 'integer', (col) => col.notNull())
    .addColumn('estimated_monthly_fen', 'bigint', (col) => col.notNull())
    .addColumn('one_time_total_fen', 'bigint', (col) => col.notNull())
    .addColumn('first_year_total_fen', 'bigint', (col) => col.notNull())
    .addColumn('request_json', 'text', (col) => col.notNull())
    .addColumn('quote_json', 'text', (col) => col.notNull())
    .addColumn('attribution_json', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('quotes_created_at_idx').on('quotes').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'quotes',
    'offer_codes',
    'buildings',
    'building_managers',
    'catalog_offerings',
    'catalog_term_prices',
    'catalog_components',
    'catalog_versions',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
