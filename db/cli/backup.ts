import { backupDatabase } from '../backup/backup'
import { runBackupCommand } from '../backup/backup-command'

/** `npm run db:backup -- FILE [--force]`: a consistent copy of DATABASE_URL's database, safe while the server runs. */
await runBackupCommand('db:backup', backupDatabase)
