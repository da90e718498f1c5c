import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from './server-process'

/** The production config, as shipped in the repository. */
export const NGINX_CONFIG = resolve('server/deploy/nginx/storefront.conf')
const NGINX = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')

export interface RunningNginx {
  /** http://127.0.0.1:PORT: the storefront as the public reaches it. */
  origin: string
  process: ChildProcess
  /** nginx's error log so far (an upstream marked failed, a refused connection). */
  errorLog: () => string
  stop: () => Promise<void>
}

/**
 * server/deploy/nginx/storefront.conf with its `listen` and upstream `server` lines swapped for test ports;
 * everything else (proxy headers, retries, body size, gzip, denied paths) is the shipped file.
 */
export function renderStorefrontConfig(port: number, upstreams: string[]): string {
  const shipped = readFileSync(NGINX_CONFIG, 'utf8')
  const servers = upstreams.map((address) => `    server ${address} max_fails=1 fail_timeout=5s;`).join('\n')
  const rendered = shipped.replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`).replace(/^\s*server 127\.0\.0\.1:4321 .*;$/m, servers)
  if (rendered === shipped || !rendered.includes(`listen 127.0.0.1:${port};`) || !rendered.includes(servers)) {
    throw new Error(`${NGINX_CONFIG} no longer has the 'listen 80;' and 'server 127.0.0.1:4321 …;' lines the tests replace`)
  }
  return rendered
}

/**
 * nginx in front of `upstreams` (host:port of server processes), on a free port, with a prefix of
 * its own in a temp directory (pid, logs, temp files): runs as the test user, touches nothing of the
 * system's nginx.
 */
export async function startNginx(upstreams: string[], { workerProcesses = 1 } = {}): Promise<RunningNginx> {
  const port = await freePort()
  const prefix = mkdtempSync(join(tmpdir(), 'storefront-nginx-'))
  writeFileSync(join(prefix, 'storefront.conf'), renderStorefrontConfig(port, upstreams))
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      // As root nginx would hand its workers to `nobody`, who cannot write the temp directory.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      `worker_processes ${workerProcesses};`,
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'error.log')} warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      `  include ${join(prefix, 'storefront.conf')};`,
      '}',
    ].join('\n'),
  )
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const spawnError = once(child, 'error').then(([error]) => error as Error)
  const errorLog = () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '')
  const deadline = Date.now() + 10_000
  for (;;) {
    const failed = await Promise.race([spawnError, new Promise<undefined>((done) => setTimeout(done, 50))])
    if (failed) throw new Error(`cannot run ${NGINX} (${failed.message}); npm test's preflight installs Debian's nginx`)
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${output}\n${errorLog()}`)
    if (await accepts(port)) break
    if (Date.now() > deadline) throw new Error(`nginx did not listen in 10 s:\n${output}\n${errorLog()}`)
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    errorLog,
    stop: async () => {
      if (child.exitCode === null) {
        // SIGQUIT: graceful; the master waits for its workers.
        child.kill('SIGQUIT')
        await once(child, 'exit')
      }
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), done(true)))
    socket.once('error', () => done(false))
  })
}
