import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runServerToExit, startServer, type RunningServer } from '../support/server-process'
import { createSharedPostgres, type SharedPostgres } from '../support/shared-postgres'

/** The pids of the workers that logged they were listening, in order. */
function listeningPids(output: string): number[] {
  return output
    .split('\n')
    .filter((line) => line.includes('listening on'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid)
}

async function until(condition: () => boolean, what: string, output: () => string) {
  const deadline = Date.now() + 40_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in 40 s:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('WORKERS=N: one port served by N cluster workers', () => {
  it('is refused on SQLite, with the reason and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storefront-workers-'))
    try {
      const { code, output } = await runServerToExit({ DATABASE_URL: `file:${join(dir, 'one.db')}`, WORKERS: '2', PORT: '0' })
      expect(code).toBe(1)
      expect(output).toContain('WORKERS')
      expect(output).toContain('PostgreSQL')
      expect(output).toContain('use WORKERS=1 on SQLite')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  describe('on PostgreSQL', () => {
    let shared: SharedPostgres
    let server: RunningServer

    beforeAll(async () => {
      shared = await createSharedPostgres('workers')
      server = await startServer({ DATABASE_URL: shared.url, NODE_ENV: 'test', WORKERS: '2' })
      await until(() => server.output().includes('all 2 workers are listening'), 'both workers listening', server.output)
    }, 60_000)

    afterAll(async () => {
      await server?.stop()
      await shared?.drop()
    })

    it('replaces a worker that dies and stops every worker cleanly on SIGTERM', async () => {
      const [victim, other] = listeningPids(server.output())
      expect(victim).not.toBe(other)
      expect([victim, other]).not.toContain(server.process.pid)
      process.kill(victim, 'SIGKILL')
      await until(() => listeningPids(server.output()).length === 3, 'a replacement worker', server.output)
      expect(server.output()).toContain('a worker died; starting a new one')
      const replacement = listeningPids(server.output())[2]
      expect([victim, other]).not.toContain(replacement)
      for (let index = 0; index < 6; index++) expect((await fetch(`${server.baseUrl}/api/offerings`)).status).toBe(200)

      const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)))
      server.process.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(server.output()).toContain('all workers stopped')
    }, 90_000)
  })
})
