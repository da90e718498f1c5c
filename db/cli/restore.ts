import { restoreDatabase } from '../backup/backup'
import { runBackupCommand } from '../backup/backup-command'

/** `npm run db:restore -- FILE [--force]`: DATABASE_URL's database becomes the backup's (stop the server first). */
await runBackupCommand('db:restore', restoreDatabase)
