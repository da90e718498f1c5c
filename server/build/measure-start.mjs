// How long `npm start` takes on a built tree, from launch to "listening on" (issue 15: under 2 s).
// node server/build/measure-start.mjs [runs] — on a temporary SQLite database (prepared by a first,
// uncounted start), a free port, each start stopped with SIGTERM once it listens.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const runs = Number(process.argv[2] ?? 10)
const dir = mkdtempSync(join(tmpdir(), 'storefront-start-'))
const env = { ...process.env, HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'storefront.db')}`, LOG_LEVEL: 'info' }

/** A port nobody listens on now (the system's pick). */
async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => probe.once('listening', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function startOnce(command, args) {
  const port = await freePort()
  return new Promise((resolve, reject) => {
    const started = performance.now()
    // A port per start, and a process group of its own: SIGTERM to npm alone leaves its `sh -c`
    // child's server running, so the whole group is signalled.
    const child = spawn(command, args, { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'], detached: true })
    let output = ''
    let listenedAfter
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (listenedAfter === undefined && output.includes('listening on')) {
        listenedAfter = performance.now() - started
        process.kill(-child.pid, 'SIGTERM')
      }
    })
    child.on('exit', (code) => (listenedAfter === undefined ? reject(new Error(`exited ${code} before listening:\n${output}`)) : resolve(listenedAfter)))
  })
}

const summary = (label, times) => {
  const sorted = [...times].sort((a, b) => a - b)
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length
  console.log(`${label}: mean ${mean.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms over ${times.length} starts`)
}

try {
  await startOnce('node', ['server/build/start.mjs']) // seeds the new database; not counted
  for (const [label, command, args] of [
    ['node server/build/start.mjs', 'node', ['server/build/start.mjs']],
    ['npm start', 'npm', ['start', '--silent']],
  ]) {
    const times = []
    for (let run = 0; run < runs; run++) times.push(await startOnce(command, args))
    summary(label, times)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
