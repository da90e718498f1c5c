// `npm start`: builds only when the build is missing or older than the sources, then runs the
// compiled server in this very process (signals and exit code are the server's own).
import { spawnSync } from 'node:child_process'
import { buildIsStale } from './build-stamp.mjs'

if (buildIsStale()) {
  console.log('The build is missing or older than the sources: npm run build')
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
await import('../../dist/app/server/main.js')
