import type { Services } from './services'

/**
 * The Astro bundle holds its own copy of our modules, so a plain module variable would not be
 * shared with the server that built the services; a well-known global symbol is.
 */
const KEY = Symbol.for('sme-storefront.services')

type Registry = { [KEY]?: Services }

export function provideServices(services: Services): void {
  ;(globalThis as Registry)[KEY] = services
}

export function currentServices(): Services {
  const services = (globalThis as Registry)[KEY]
  if (!services) throw new Error('services are not started: run the storefront through server/main.ts (npm start / npm run dev)')
  return services
}
