import type { Migration, MigrationProvider } from 'kysely'
import * as catalogBuildingsQuotes from './0001-catalog-buildings-quotes'

/** A static list: a folder-reading provider breaks once the server is bundled. */
const migrations: Record<string, Migration> = {
  '0001-catalog-buildings-quotes': catalogBuildingsQuotes,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
