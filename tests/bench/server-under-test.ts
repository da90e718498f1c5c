import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import type { Kysely } from 'kysely'
import type { DatabaseKind } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import type { Database } from '../../db/schema'
import { seedDatabase } from '../../db/seed/seed'
import { limitSettingName } from '../../server/config'
import { limitRules, type LimitRule } from '../../server/services/rate-limits'
import { freePort } from '../support/server-process'
import { createServerDatabase } from '../support/server-database'

/** The compiled production server once `npm run build` makes it; the TypeScript entry until then. */
const COMPILED_SERVER = 'dist/app/server/main.js'

export interface ServerUnderTest {
  kind: DatabaseKind
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string
  /** The bench's own connection to the server's database, to prepare data for a load run. */
  db: Kysely<Database>
  /** The server is another process: give the requests a run cut off time to be answered. */
  idle: () => Promise<void>
  close: () => Promise<void>
}

/** Whether a server process runs compiled JavaScript or TypeScript through tsx (reported by the bench). */
export const serverCommand = (): string[] => (existsSync(COMPILED_SERVER) ? [COMPILED_SERVER] : ['--import', 'tsx', 'server/main.ts'])

/**
 * A process listening on a free port of 127.0.0.1, once `ready` answers 200 there. Its output is kept
 * until then (for the error), and dropped afterwards: a loaded server's logs are not the bench's business.
 */
export async function spawnListening(args: string[], env: Record<string, string>, readyPath = '/'): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort()
  const child = spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => void (output.length < 100_000 && (output += chunk))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output}`)
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not answer in 60 s:\n${output}`)
    const status = await fetch(`http://127.0.0.1:${port}${readyPath}`).then((response) => (response.body?.cancel(), response.status), () => 0)
    if (status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.stdout!.off('data', keep).resume()
  child.stderr!.off('data', keep).on('data', (chunk: Buffer) => process.stderr.write(chunk))
  return { child, port }
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

/** No limit a load run reaches: the bench measures the work behind the limits, which are still counted. */
const generousLimitSettings = Object.fromEntries((Object.keys(limitRules) as LimitRule[]).map((rule) => [limitSettingName(rule), '100000000/1m']))

/**
 * The storefront as production runs it, in a process of its own, on a freshly migrated and seeded
 * database (a temp SQLite file, or a PostgreSQL database of its own). `cpuProfileDir` starts it
 * with `--cpu-prof` (a .cpuprofile is written there when it stops).
 */
export async function startServerUnderTest(kind: DatabaseKind, options: { cpuProfileDir?: string } = {}): Promise<ServerUnderTest> {
  const database = await createServerDatabase(kind)
  try {
    await migrateToLatest(database.handle.db)
    await seedDatabase(database.handle.db, { now: new Date() })
    const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []
    // LOG_LEVEL as in production (info): each request's access line is written, as it would be there.
    const server = await spawnListening([...profile, ...serverCommand()], { DATABASE_URL: database.url, NODE_ENV: 'production', LOG_LEVEL: 'info', ...generousLimitSettings }, '/api/offerings')
    // A server in service has rendered pages before any measured request: whatever a page's first
    // rendering turns on for the whole process (an AsyncLocalStorage's promise hooks did) is measured.
    await renderOnePage(`http://127.0.0.1:${server.port}`)
    return {
      kind,
      origin: `http://127.0.0.1:${server.port}`,
      db: database.handle.db,
      idle: () => new Promise((resolve) => setTimeout(resolve, 300)),
      close: async () => {
        await stopProcess(server.child)
        await database.drop()
      },
    }
  } catch (error) {
    await database.drop()
    throw error
  }
}

async function renderOnePage(origin: string): Promise<void> {
  const page = await fetch(`${origin}/check`)
  await page.text()
  if (page.status !== 200) throw new Error(`the page /check answered ${page.status} before the bench`)
}
