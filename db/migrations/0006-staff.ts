import type { Kysely } from 'kysely'

/**
 * The staff console: users (with several roles each; a manager is linked to their building_managers
 * row), server-side sessions (only a hash of the session id is stored, so a leaked table cannot sign
 * anyone in), and the audit log of staff and system actions (who, when, what, subject, before → after,
 * reason), which the order lifecycle writes to as well.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text', (col) => col.references('building_managers.id'))
    .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('staff_user_roles')
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('staff_user_roles_pk', ['user_id', 'role'])
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').column('user_id').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.references('staff_users.id'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_kind', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute()
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_kind', 'subject_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute()
  await db.schema.dropTable('staff_sessions').execute()
  await db.schema.dropTable('staff_user_roles').execute()
  await db.schema.dropTable('staff_users').execute()
}
