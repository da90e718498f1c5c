import node from '@astrojs/node'
import solid from '@astrojs/solid-js'
import { defineConfig, passthroughImageService } from 'astro/config'
import { fileURLToPath } from 'node:url'

/**
 * An adapter whose built server entry is `entry` (exporting `createExports(manifest)` with a `handler`)
 * instead of the adapter's own; everything else (build output, features) stays the adapter's.
 */
function withServerEntry(adapter, entry) {
  const configDone = adapter.hooks['astro:config:done']
  return {
    ...adapter,
    hooks: {
      ...adapter.hooks,
      'astro:config:done': (options) =>
        configDone({ ...options, setAdapter: (settings) => options.setAdapter({ ...settings, serverEntrypoint: entry, exports: ['handler'] }) }),
    },
  }
}

// The Node adapter in middleware mode, with the entry of src/server-entry.ts (why: there):
// server/main.ts mounts the site behind the Hono API.
export default defineConfig({
  output: 'server',
  adapter: withServerEntry(node({ mode: 'middleware' }), fileURLToPath(new URL('./src/server-entry.ts', import.meta.url))),
  integrations: [solid()],
  image: { service: passthroughImageService() },
  build: { inlineStylesheets: 'always' },
  // A page's scripts are files of the site (Astro inlines small ones): the pages' policy allows the
  // site's own script files and no inline script but the islands' fixed ones (server/security-headers.ts).
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
})
