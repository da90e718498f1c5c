import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import type { HttpBindings } from '@hono/node-server'
import { Hono } from 'hono'
import type { PageHandler } from '../src/server-entry'
import { answerPerTurn } from './answers-per-turn'
import { API_BASE_PATH, createApi } from './app'
import { ConfigError, type Config } from './config'
import { createErrorHandler } from './errors'
import { KEEP_ALIVE_TIMEOUT_MS } from './keep-alive'
import { landingPagesFromMemory } from './landing/landing-route'
import { createMailTransport, startOutboxWorker } from './notifications/outbox-worker'
import { createAccessLog } from './observability/access-log'
import { createLogger, errorLogger, type Logger } from './observability/logger'
import { createMetrics } from './observability/metrics'
import { operationsRoutes } from './observability/operations-routes'
import { createReadinessCheck } from './observability/readiness'
import { labelRoute, trackRequests, type CompletedRequest } from './observability/request-tracking'
import { apiSecurityHeaders, headersAddedBy, presetHeaders, securityHeaders } from './security-headers'
import { provideServices } from './services/registry'
import { prepareDatabaseForServing, startServices } from './services/start-services'
import { startLeadsJob } from './services/leads-job'
import { startSearchIndexJob } from './services/search-index-job'
import { startUnpaidOrdersJob } from './services/unpaid-orders-job'

const ASTRO_ENTRY = resolve('dist/server/entry.mjs')

export interface ServerProcess {
  server: Server
  logger: Logger
  /** Stops taking requests, finishes those in progress, the jobs' passes and the outbox's, closes the database. */
  shutdown: (reason: string) => Promise<void>
}

/**
 * One server process: the API under /api, the probes and metrics, built assets from dist/client,
 * every other page from Astro; the background jobs and the outbox beside them. SIGTERM or SIGINT
 * drains it and exits 0. server/main.ts runs one of these, or one per cluster worker.
 */
export async function startServerProcess(config: Config): Promise<ServerProcess> {
  if (!existsSync(ASTRO_ENTRY)) throw new ConfigError(`The site is not built (${ASTRO_ENTRY} is missing): run npm run build first.`)
  const logger = createLogger(config.LOG_LEVEL)
  // A promise nobody awaited failed (a bug, or a fire-and-forget write): logged, and the process goes
  // on serving, as it did when @astrojs/node's handler installed this listener (src/server-entry.ts).
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'))
  const { services, database } = await startServices(config, errorLogger(logger))
  await prepareDatabaseForServing(database, config, logger)
  provideServices(services)
  const { handler: astroHandler } = (await import(pathToFileURL(ASTRO_ENTRY).href)) as { handler: PageHandler }

  const readiness = createReadinessCheck(database.db)
  const metrics = config.METRICS ? createMetrics(database.db, services.now) : undefined
  const accessLog = createAccessLog(config.LOG_LEVEL)
  const observe = (request: CompletedRequest) => {
    accessLog.record(request)
    metrics?.observeRequest(request)
  }
  let draining = false

  const securityHeaderLines = {
    pages: await headersAddedBy(securityHeaders(services.siteUrl)),
    api: await headersAddedBy(apiSecurityHeaders(services.siteUrl)),
    apiBasePath: API_BASE_PATH,
  }
  const app = new Hono<{ Bindings: HttpBindings }>()
  app.use('*', trackRequests(observe))
  app.use('*', answerPerTurn)
  // While draining, each answer closes its connection: a kept-alive one would hold the shutdown up.
  app.use('*', (c, next) => {
    if (draining) c.env.outgoing.setHeader('Connection', 'close')
    return next()
  })
  app.route('/', operationsRoutes({ readiness, metrics, metricsToken: config.METRICS_TOKEN }))
  app.use('*', presetHeaders(securityHeaderLines))
  app.route('/', createApi(services))
  app.get('*', landingPagesFromMemory(services))
  app.use('/*', serveStatic({ root: './dist/client', onFound: (_path, c) => labelRoute(c, '(static)') }))
  app.all('*', async (c) => {
    labelRoute(c, '(page)')
    // Astro answers on the socket itself, past Hono's answer: presetHeaders put its headers there already.
    let passed = false
    await astroHandler(c.env.incoming, c.env.outgoing, () => {
      passed = true
    })
    return passed ? c.notFound() : RESPONSE_ALREADY_SENT
  })
  // A page that throws: logged with its request id like an API error, answered as a plain 500.
  app.onError(createErrorHandler(services.log))

  // Notifications leave through the outbox: by SMTP when SMTP_URL is set, else as .eml files.
  const mail = createMailTransport(config.SMTP_URL, resolve('data/outbox'))
  const outbox = startOutboxWorker(services, mail.deliver, { emailVisitsPerMinute: config.EMAIL_VISIT_RATE_PER_MINUTE })
  // Unpaid orders give their ports back at their deadline (reminded once before it).
  const unpaidOrders = startUnpaidOrdersJob(services)
  // Abandoned quotes become leads; untouched leads are escalated to their district lead after a working day.
  const leads = startLeadsJob(services)
  // New orders go under their search trigrams in batches (the search looks at those queued meanwhile).
  const searchIndex = startSearchIndexJob(services)

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ address: info.address, port: info.port, database: database.kind }, `storefront listening on http://${info.address}:${info.port} (${database.kind})`)
  }) as Server
  // Node closes an idle kept-alive connection after 5 s by default, while nginx keeps its upstream
  // connections up to 60 s: a request sent just as this server closed one would fail with a reset
  // (502 for a POST behind nginx; ECONNRESET in a browser test). Idle connections are closed by the
  // client side first when this server waits longer than every client and proxy in front of it.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000
  server.once('error', (error: NodeJS.ErrnoException) => {
    // Exit only once the line is out: stderr into a pipe is written asynchronously.
    process.stderr.write(`Cannot listen on ${config.HOST}:${config.PORT}: ${listenProblem(error)}\n`, () => process.exit(1))
  })

  let stopping: Promise<void> | undefined
  const shutdown = (reason: string) =>
    (stopping ??= (async () => {
      logger.info({ reason, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: finishing the requests in progress')
      readiness.markShuttingDown()
      draining = true
      const closed = new Promise<void>((done) => server.close(() => done()))
      // A request that began before the signal answers on a kept-alive connection, which then idles
      // until the client's keep-alive runs out: close idle connections as they appear.
      server.closeIdleConnections()
      const sweep = setInterval(() => server.closeIdleConnections(), 100)
      const cutOff = setTimeout(() => {
        logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timeout: closing the connections still open')
        server.closeAllConnections()
      }, config.SHUTDOWN_TIMEOUT_MS)
      await closed
      clearInterval(sweep)
      clearTimeout(cutOff)
      // Each stop waits for its pass in progress (an outbox pass finishes its sends) and starts no new one.
      await Promise.all([unpaidOrders.stop(), leads.stop(), searchIndex.stop(), outbox.stop(), services.landingViews.stop()])
      mail.close()
      await database.close()
      accessLog.flush()
      logger.info('stopped')
    })())
  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
  return { server, logger, shutdown }
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
