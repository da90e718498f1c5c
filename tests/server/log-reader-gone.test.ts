import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_LOG_FLUSH_INTERVAL_MS } from '../../server/observability/access-log'
import { startServer, type RunningServer } from '../support/server-process'

/**
 * The reader of the server's standard output goes away (a log shipper that died, the terminal of an
 * orphaned `npm start`): the logs are lost, the server is not. It had hung in the access log's
 * periodic flush, retrying the broken pipe forever: no answers, and SIGTERM could not stop it.
 */
describe('the server once the reader of its stdout has gone (built server)', () => {
  let dir: string
  let server: RunningServer
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-log-reader-'))
    server = await startServer({ DATABASE_URL: `file:${join(dir, 'data', 'storefront.db')}`, LOG_LEVEL: 'info' })
  })
  afterAll(async () => {
    if (server?.process.exitCode === null) server.process.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps answering, and stops on SIGTERM', async () => {
    server.process.stdout!.destroy()
    const ask = () => fetch(`${server.baseUrl}/api/offerings`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.status)
    // Access lines for the broken pipe, then their flush.
    for (let request = 0; request < 20; request++) expect(await ask()).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, ACCESS_LOG_FLUSH_INTERVAL_MS * 2.5))
    expect(await ask()).toBe(200)

    const exited = once(server.process, 'exit')
    server.process.kill('SIGTERM')
    const stillRunning = new Promise<unknown[]>((resolve) => setTimeout(() => resolve(['still running 15 s after SIGTERM']), 15_000))
    const [code] = await Promise.race([exited, stillRunning])
    expect(code).toBe(0)
  })
})
