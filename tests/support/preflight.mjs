// Run by `npm test` before anything else: the browser tests need Debian's Chromium (Playwright cannot
// download browsers here) and a CJK font, or Chinese pages screenshot as boxes.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = '/usr/bin/chromium'
const isRoot = process.getuid?.() === 0

function aptInstall(packages) {
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0
  console.log(`preflight: installing ${packages.join(' ')} with apt-get…`)
  if (run(['install', '-y', ...packages])) return true
  console.log('preflight: install failed; running apt-get update and trying again…')
  return run(['update']) && run(['install', '-y', ...packages])
}

const hasCjkFont = () => (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== ''

if (!existsSync(CHROMIUM)) {
  if (!isRoot) {
    console.error(`preflight: ${CHROMIUM} is missing; the browser tests need it. Install it with:\n  sudo apt-get install -y chromium fonts-wqy-zenhei`)
    process.exit(1)
  }
  if (!aptInstall(['chromium', 'fonts-wqy-zenhei']) || !existsSync(CHROMIUM)) {
    console.error(`preflight: could not install chromium; ${CHROMIUM} is still missing.`)
    process.exit(1)
  }
  console.log(`preflight: installed ${CHROMIUM}`)
}

if (!hasCjkFont()) {
  if (isRoot && aptInstall(['fonts-wqy-zenhei']) && hasCjkFont()) console.log('preflight: installed fonts-wqy-zenhei')
  else console.warn('preflight: WARNING no CJK font (fc-list :lang=zh is empty); Chinese text in screenshots will be boxes. Install it with:\n  sudo apt-get install -y fonts-wqy-zenhei')
}

// The scale-out tests run server/deploy/nginx/storefront.conf in a real nginx (tests/support/nginx.ts).
const NGINX = '/usr/sbin/nginx'
if (!existsSync(NGINX) && spawnSync('nginx', ['-v']).status !== 0) {
  if (!isRoot) {
    console.error(`preflight: nginx is missing; the scale-out tests (tests/scale) run the shipped nginx config. Install it with:\n  sudo apt-get install -y nginx`)
    process.exit(1)
  }
  if (!aptInstall(['nginx']) || !existsSync(NGINX)) {
    console.error(`preflight: could not install nginx; ${NGINX} is still missing.`)
    process.exit(1)
  }
  // Debian starts the system's nginx on port 80 after installing it; the tests run their own.
  spawnSync('sh', ['-c', 'command -v systemctl >/dev/null && systemctl disable --now nginx || service nginx stop || true'], { stdio: 'ignore' })
  console.log(`preflight: installed ${NGINX}`)
}
