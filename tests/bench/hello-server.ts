import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/**
 * The bench's baseline: a bare Hono hello in a process of its own, served the same way as the
 * storefront (@hono/node-server). Every HTTP figure is reported as a ratio to this server's req/s.
 */
const app = new Hono()
app.get('/', (c) => c.text('ok'))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  console.log(`hello listening on http://127.0.0.1:${info.port}`)
})
process.once('SIGTERM', () => process.exit(0))
