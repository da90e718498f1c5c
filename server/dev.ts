import { getRequestListener } from '@hono/node-server'
import { dev } from 'astro'
import { createApi } from './app'
import { loadConfig } from './config'
import { createMailTransport, startOutboxWorker } from './notifications/outbox-worker'
import { provideServices } from './services/registry'
import { prepareDatabaseForServing, startServices } from './services/start-services'

/** `npm run dev`: Astro's dev server with the Hono API mounted in front of it, in one process. */
const config = loadConfig(process.env)
const { services, database } = await startServices(config)
await prepareDatabaseForServing(database, config)
provideServices(services)
startOutboxWorker(services, createMailTransport(config.SMTP_URL, 'data/outbox').deliver)
const apiListener = getRequestListener(createApi(services).fetch)

await dev({
  server: { port: config.PORT, host: config.HOST },
  integrations: [
    {
      name: 'storefront-api',
      hooks: {
        'astro:server:setup': ({ server }) => {
          server.middlewares.use((req, res, next) => (req.url?.startsWith('/api/') ? apiListener(req, res) : next()))
        },
      },
    },
  ],
})
