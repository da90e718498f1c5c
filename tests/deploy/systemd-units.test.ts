import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config'

/** `Key=value` lines of a unit file (the last one wins, as in systemd; comments skipped). */
function unitSettings(path: string): Map<string, string> {
  const settings = new Map<string, string>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line)
    if (match) settings.set(match[1], match[2])
  }
  return settings
}

const seconds = (value: string) => Number(/^(\d+)s$/.exec(value)?.[1] ?? Number.NaN)

/** The units are read, not run, here: these keep them in step with the build output and the settings. */
describe('server/deploy/systemd', () => {
  const service = unitSettings('server/deploy/systemd/storefront.service')
  const backup = unitSettings('server/deploy/systemd/storefront-backup.service')

  it('starts the compiled server from the build, with the settings file, and restarts it on failure', () => {
    expect(service.get('ExecStart')).toBe('/usr/bin/node dist/app/server/main.js')
    // server/build/build-server.mjs compiles each of these entry points to dist/app/<same path>.js.
    expect(existsSync('server/main.ts')).toBe(true)
    expect(service.get('EnvironmentFile')).toBe('/etc/storefront.env')
    expect(service.get('Restart')).toBe('on-failure')
  })

  it('stops with SIGTERM to the main process and waits longer than the server drains', () => {
    expect(service.get('KillSignal')).toBe('SIGTERM')
    expect(service.get('KillMode')).toBe('mixed')
    expect(seconds(service.get('TimeoutStopSec')!) * 1000).toBeGreaterThan(loadConfig({}).SHUTDOWN_TIMEOUT_MS + 5000)
  })

  it('is hardened, with only the data directory writable', () => {
    expect(service.get('WorkingDirectory')).toBe('/srv/storefront')
    // The default DATABASE_URL and the .eml outbox are both under data/.
    expect(loadConfig({}).DATABASE_URL).toBe('file:./data/storefront.db')
    expect(service.get('ReadWritePaths')).toBe('/srv/storefront/data')
    expect(Object.fromEntries(['NoNewPrivileges', 'ProtectSystem', 'PrivateTmp', 'CapabilityBoundingSet'].map((key) => [key, service.get(key)]))).toEqual({
      NoNewPrivileges: 'true',
      ProtectSystem: 'strict',
      PrivateTmp: 'true',
      CapabilityBoundingSet: '',
    })
  })

  it('backs up with the compiled backup tool into the backup directory it may write', () => {
    expect(existsSync('db/cli/backup.ts')).toBe(true)
    expect(backup.get('ExecStart')).toContain('/usr/bin/node dist/app/db/cli/backup.js "/var/backups/storefront/storefront-')
    expect(backup.get('ReadWritePaths')).toContain('/var/backups/storefront')
    expect(backup.get('EnvironmentFile')).toBe(service.get('EnvironmentFile'))
    expect(backup.get('User')).toBe(service.get('User'))
  })
})
