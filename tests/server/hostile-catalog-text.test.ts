import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { seedDatabase, seedPriceBook } from '../../db/seed/seed'
import { changedCopy } from '../support/changed-copy'
import { publishPriceBook } from '../support/publish-catalog'
import { startServer, type RunningServer } from '../support/server-process'

const HOSTILE = '</script><img src=x onerror=alert(1)>商务常青'

/**
 * A bundle's name is price-book data that staff type in the console: approved, it reaches the public
 * pages, their JSON-LD included, as text and never as markup.
 */
describe('hostile text in an approved price book (built server)', () => {
  let dir: string
  let server: RunningServer
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storefront-hostile-'))
    const url = `file:${join(dir, 'data', 'storefront.db')}`
    const handle = connectDatabase(url)
    try {
      await migrateToLatest(handle.db)
      await seedDatabase(handle.db, { now: new Date() })
      const hostile = changedCopy(seedPriceBook, (book: any) => {
        book.offerings.find((offering: { slug: string }) => offering.slug === 'evergreen').name = { zh: HOSTILE, en: HOSTILE }
      })
      await publishPriceBook(handle.db, hostile, new Date())
    } finally {
      await handle.close()
    }
    server = await startServer({ DATABASE_URL: url })
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it.each(['/bundles/evergreen', '/en/bundles/evergreen', '/'])('shows the name as text on %s', async (path) => {
    const html = await (await fetch(`${server.baseUrl}${path}`)).text()
    // Inside a quoted attribute (og:title) the name is a value; anywhere else an <img would be an element.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<img')
    for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      expect(JSON.stringify(JSON.parse(json!))).toContain('商务常青')
    }
  })
})
