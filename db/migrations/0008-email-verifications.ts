import { sql, type Kysely } from 'kysely'

/**
 * Verified contacts and a mail queue with lanes. `email_verifications` holds one-time codes as
 * hashes only (the mail carries the code). The outbox gets a `priority` (customers' mail is claimed
 * before staff notices, and those before lead notices, whatever their age) and a `claim` token, so
 * one worker can take several rows at once (a digest of lead notices) and know exactly which.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_verifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('code_hash', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('used_at', 'text')
    .addColumn('order_id', 'text', (col) => col.references('orders.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema.alterTable('outbox').addColumn('priority', 'integer', (col) => col.notNull().defaultTo(1)).execute()
  await db.schema.alterTable('outbox').addColumn('claim', 'text').execute()
  // Only undelivered rows are ever looked for by lane; the index stays small however much was sent.
  await db.schema
    .createIndex('outbox_lane_idx')
    .on('outbox')
    .columns(['priority', 'next_attempt_at', 'id'])
    .where(sql.ref('status'), 'in', ['pending', 'sending'])
    .execute()
  await db.schema.createIndex('outbox_recipient_kind_idx').on('outbox').columns(['recipient', 'kind', 'status']).execute()
  await db.schema.createIndex('outbox_claim_idx').on('outbox').column('claim').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_claim_idx').execute()
  await db.schema.dropIndex('outbox_recipient_kind_idx').execute()
  await db.schema.dropIndex('outbox_lane_idx').execute()
  await db.schema.alterTable('outbox').dropColumn('claim').execute()
  await db.schema.alterTable('outbox').dropColumn('priority').execute()
  await db.schema.dropTable('email_verifications').execute()
}
