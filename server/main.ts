import { ConfigError, loadConfig } from './config'
import { createLogger } from './observability/logger'
import { startServerProcess } from './serve'
import { runWorkers } from './workers'

/**
 * `npm start` (compiled: node dist/app/server/main.js): validates the settings, then runs the
 * storefront in this process (server/serve.ts), or in WORKERS cluster workers (server/workers.ts).
 */
async function main() {
  const config = loadConfig(process.env)
  if (config.workers > 1) await runWorkers(config.workers, () => startServerProcess(config), createLogger(config.LOG_LEVEL))
  else await startServerProcess(config)
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
