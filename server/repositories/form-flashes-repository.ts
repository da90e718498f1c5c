import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** Long enough to read the error and fix the form; short, since it holds what a visitor typed. */
export const FORM_FLASH_MINUTES = 10

/**
 * Keeps a refused form's values and error under an unguessable id (the redirect carries only the
 * id, never personal data); in the database, so any server process can show it. Expired flashes
 * are removed whenever a new one is written.
 */
export async function saveFormFlash(db: Kysely<Database>, payload: unknown, now: Date): Promise<string> {
  const id = randomBytes(16).toString('base64url')
  await db.deleteFrom('form_flashes').where('expires_at', '<=', now.toISOString()).execute()
  await db
    .insertInto('form_flashes')
    .values({ id, payload_json: JSON.stringify(payload), expires_at: new Date(now.getTime() + FORM_FLASH_MINUTES * 60_000).toISOString() })
    .execute()
  return id
}

export async function readFormFlash(db: Kysely<Database>, id: string, now: Date): Promise<unknown> {
  const row = await db.selectFrom('form_flashes').select('payload_json').where('id', '=', id).where('expires_at', '>', now.toISOString()).executeTakeFirst()
  return row ? JSON.parse(row.payload_json) : undefined
}
