import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import type { HttpBindings } from '@hono/node-server'
import { Hono } from 'hono'
import { createApi } from './app'
import { createMailTransport, startOutboxWorker } from './notifications/outbox-worker'
import { ConfigError, loadConfig } from './config'
import { headersAddedBy, securityHeaders } from './security-headers'
import { provideServices } from './services/registry'
import { prepareDatabaseForServing, startServices } from './services/start-services'
import { startLeadsJob } from './services/leads-job'
import { startUnpaidOrdersJob } from './services/unpaid-orders-job'

type AstroHandler = (req: HttpBindings['incoming'], res: HttpBindings['outgoing'], next: () => void) => Promise<void>

const ASTRO_ENTRY = resolve('dist/server/entry.mjs')

/** One process: the API under /api, built assets from dist/client, every other page from Astro. */
async function main() {
  const config = loadConfig(process.env)
  if (!existsSync(ASTRO_ENTRY)) throw new ConfigError(`The site is not built (${ASTRO_ENTRY} is missing): run npm run build first.`)
  const { services, database } = await startServices(config)
  await prepareDatabaseForServing(database, config)
  provideServices(services)
  const { handler: astroHandler } = (await import(pathToFileURL(ASTRO_ENTRY).href)) as { handler: AstroHandler }

  const security = securityHeaders(services.siteUrl)
  const pageHeaders = await headersAddedBy(security)
  const app = new Hono<{ Bindings: HttpBindings }>()
  app.use('*', security)
  app.route('/', createApi(services))
  app.use('/*', serveStatic({ root: './dist/client' }))
  app.all('*', async (c) => {
    // Astro answers on the socket itself, past Hono's middleware: it gets the same headers up front.
    for (const [name, value] of pageHeaders) c.env.outgoing.setHeader(name, value)
    let passed = false
    await astroHandler(c.env.incoming, c.env.outgoing, () => {
      passed = true
    })
    return passed ? c.notFound() : RESPONSE_ALREADY_SENT
  })

  // Notifications leave through the outbox: by SMTP when SMTP_URL is set, else as .eml files.
  const mail = createMailTransport(config.SMTP_URL, resolve('data/outbox'))
  const outbox = startOutboxWorker(services, mail.deliver, { emailVisitsPerMinute: config.EMAIL_VISIT_RATE_PER_MINUTE })
  // Unpaid orders give their ports back at their deadline (reminded once before it).
  const unpaidOrders = startUnpaidOrdersJob(services)
  // Abandoned quotes become leads; untouched leads are escalated to their district lead after a working day.
  const leads = startLeadsJob(services)

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`storefront listening on http://${info.address}:${info.port} (${database.kind})`)
  })
  server.once('error', (error: NodeJS.ErrnoException) => {
    // Exit only once the line is out: stderr into a pipe is written asynchronously.
    process.stderr.write(`Cannot listen on ${config.HOST}:${config.PORT}: ${listenProblem(error)}\n`, () => process.exit(1))
  })
  const shutdown = () => {
    server.close(async () => {
      await unpaidOrders.stop()
      await leads.stop()
      await outbox.stop()
      mail.close()
      await database.close()
      process.exit(0)
    })
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

/** A listen failure in the words of the settings that cause it. */
function listenProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'the port is already in use (set PORT to a free one, or stop the other server)'
    case 'EACCES':
      return 'permission denied (ports below 1024 need privileges; set PORT)'
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'HOST is not an address of this machine'
    default:
      return `${error.code ?? ''} ${error.message}`.trim()
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
