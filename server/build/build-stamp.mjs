import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Written at the end of a complete `npm run build`; its time is the build's. */
export const BUILD_STAMP = 'dist/app/.build-stamp'

/** What the build is made from: a change to any of these makes the build stale. */
export const BUILD_SOURCES = ['src', 'server', 'db', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json']

/** The newest modification time (ms) under `path`, a file or a folder. */
export function newestChange(path) {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs // a deleted file shows as a newer folder
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)))
  return newest
}

/** True when there is no complete build or a source changed after it. */
export function buildIsStale() {
  const built = statSync(BUILD_STAMP, { throwIfNoEntry: false })
  if (!built) return true
  return BUILD_SOURCES.some((source) => newestChange(source) > built.mtimeMs)
}
