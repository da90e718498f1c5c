import node from '@astrojs/node'
import solid from '@astrojs/solid-js'
import { defineConfig, passthroughImageService } from 'astro/config'

// The Node adapter in middleware mode: server/main.ts mounts Astro behind the Hono API.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  integrations: [solid()],
  image: { service: passthroughImageService() },
  build: { inlineStylesheets: 'always' },
})
