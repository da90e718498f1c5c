import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startServer, type RunningServer } from '../support/server-process'
import { load, type EndpointLoad } from './http-throughput'

const run = promisify(execFile)

/** The landing page's budget (issue: at most 15 KB of JavaScript, gzip; Lighthouse mobile ≥ 95). */
export const JS_BUDGET_BYTES = 15 * 1024
export const LIGHTHOUSE_TARGET = 95

const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'

export interface LandingMeasurement {
  path: string
  javascriptGzipBytes: number
  scripts: number
  lighthouse: { score: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number } | { error: string }
}

/** JavaScript a page makes the browser download or run: inline and external scripts, module preloads (gzip). */
async function javascriptOf(origin: string, path: string): Promise<{ bytes: number; scripts: number }> {
  const html = await (await fetch(`${origin}${path}`)).text()
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/application\/ld\+json/.test(attributes))
  const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(([, href]) => href)
  const sources = [...scripts.flatMap(([, attributes]) => attributes.match(/src="([^"]+)"/)?.[1] ?? []), ...preloads]
  const external = await Promise.all([...new Set(sources)].map(async (src) => Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())))
  const inline = scripts.map(([, , body]) => Buffer.from(body))
  const bytes = [...inline, ...external].reduce((total, code) => total + (code.length > 0 ? gzipSync(code).length : 0), 0)
  return { bytes, scripts: scripts.length + preloads.length }
}

async function lighthouse(url: string): Promise<LandingMeasurement['lighthouse']> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['node_modules/lighthouse/cli/index.js', url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${CHROME_FLAGS}`],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
    )
    const report = JSON.parse(stdout)
    const audit = (id: string) => report.audits[id].numericValue as number
    return {
      score: Math.round(report.categories.performance.score * 100),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    }
  } catch (error) {
    return { error: (error as Error).message.split('\n')[0] }
  }
}

/** Starts the built storefront (npm start's server) on a fresh SQLite file and measures its landing pages. */
export async function measureLandingPages(databaseUrl: string): Promise<{ pages: LandingMeasurement[]; render: EndpointLoad; staticFile: EndpointLoad } | { error: string }> {
  if (!existsSync('dist/server/entry.mjs')) return { error: 'the site is not built: run npm run build first' }
  if (!existsSync('/usr/bin/chromium')) return { error: 'Chromium is missing: apt-get install -y chromium' }
  let server: RunningServer | undefined
  try {
    server = await startServer({ DATABASE_URL: databaseUrl })
    const origin = server.baseUrl
    const pages: LandingMeasurement[] = []
    for (const path of ['/bundles/evergreen', '/en/bundles/evergreen', '/']) {
      const javascript = await javascriptOf(origin, path)
      pages.push({ path, javascriptGzipBytes: javascript.bytes, scripts: javascript.scripts, lighthouse: await lighthouse(`${origin}${path}`) })
    }
    const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 200))
    const target = { origin, idle }
    const staticFile = await load(target, { label: 'GET /favicon.svg (static)', path: '/favicon.svg', method: 'GET', expectedStatus: 200 })
    const render = await load(target, { label: 'GET /bundles/evergreen (SSR)', path: '/bundles/evergreen', method: 'GET', expectedStatus: 200 })
    return { pages, render, staticFile }
  } finally {
    await server?.stop()
  }
}
