// The server half of `npm run build` (after astro build): compiles the server and the command-line
// tools from TypeScript into dist/app, so production runs plain JavaScript without a loader.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { BUILD_STAMP } from './build-stamp.mjs'

const cliTools = readdirSync('db/cli')
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => `db/cli/${name}`)
// server/workers.ts (node:cluster) is built when present.
const servers = ['server/main.ts', 'server/workers.ts'].filter((path) => existsSync(path))

// Chunk names carry a hash of their content: without this, every rebuild's chunks would pile up.
rmSync('dist/app', { recursive: true, force: true })

await build({
  entryPoints: [...servers, ...cliTools],
  outdir: 'dist/app',
  outbase: '.',
  bundle: true,
  // node_modules stay where they are: only our own code is compiled.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
})

// Written last: `npm start` rebuilds whenever a source is newer than this (server/build/start.mjs).
writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`)
console.log(`server compiled into dist/app (${servers.length + cliTools.length} entry points)`)
