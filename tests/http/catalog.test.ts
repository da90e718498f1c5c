import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import { seedDatabase, seedPriceBook } from '../../db/seed/seed'
import { saveCatalogVersion } from '../../server/repositories/catalog-repository'
import { changedCopy } from '../support/changed-copy'
import { publishPriceBook } from '../support/publish-catalog'
import { useSeededApi } from '../support/test-api'
import { databaseKinds, SEED_TIME } from '../support/test-database'

const monthly100M = {
  offering: 'bb-express',
  options: { payment: 'monthly' },
  termMonths: 0,
  items: { 'bb-100': 1 },
  customer: { status: 'new' },
  usage: {},
}

const priceBookWith = (change: (book: any) => void) => changedCopy(seedPriceBook, change)

describe.each(databaseKinds)('catalog on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('lists the 7 public offerings with from-prices and names in both languages', async () => {
    const { offerings } = await (await seeded.api.request('/api/offerings')).json()
    expect(offerings.map((offering: { slug: string }) => offering.slug)).toEqual([
      'bb-express',
      'fixed-broadband',
      'fixed-mobile',
      'local-ld-gift',
      'business-plus',
      'shangjiale',
      'evergreen',
    ])
    for (const offering of offerings) {
      expect(offering.name).toEqual({ zh: expect.any(String), en: expect.any(String) })
      expect(offering.categories.length).toBeLessThanOrEqual(3)
      expect(Number.isInteger(offering.fromMonthly)).toBe(true)
    }
  })

  it('describes one offering with components, options, terms and eligibility', async () => {
    const detail = await (await seeded.api.request('/api/offerings/business-plus')).json()
    expect(detail.options).toEqual({ tier: ['T300', 'T600', 'T1000'] })
    expect(detail.terms).toEqual([12])
    expect(detail.components.find((component: { code: string }) => component.code === 'fixed-line')).toMatchObject({ min: 0, max: 8, monthly: 2500 })
    expect(detail.eligibility).toEqual({ statuses: ['new', 'existing'], priorSpendRequiredFor: [] })
    expect((await seeded.api.request('/api/offerings/unknown')).status).toBe(404)
  })

  it('keeps the seed idempotent, and a re-run never undoes a published change', async () => {
    const raised = priceBookWith((book) => {
      book.components.find((component: { code: string }) => component.code === 'bb-100').monthly = 64000
    })
    const published = await publishPriceBook(seeded.database.db, raised, SEED_TIME)
    const versions = await seeded.database.db.selectFrom('catalog_versions').selectAll().execute()
    const releases = await seeded.database.db.selectFrom('catalog_releases').selectAll().execute()
    expect(await seedDatabase(seeded.database.db, { now: new Date(SEED_TIME.getTime() + 60_000) })).toEqual({ catalogVersion: null })
    expect(await seeded.database.db.selectFrom('catalog_versions').selectAll().execute()).toEqual(versions)
    expect(await seeded.database.db.selectFrom('catalog_releases').selectAll().execute()).toEqual(releases)
    expect(await seeded.database.db.selectFrom('buildings').select('id').execute()).toHaveLength(20)
    expect((await (await seeded.api.postJson('/api/quotes', monthly100M)).json()).catalogVersion).toBe(published)
    await publishPriceBook(seeded.database.db, seedPriceBook, SEED_TIME)
  })

  it('prices with a changed price book once it is published, and keeps old quotes as they were', async () => {
    const old = await (await seeded.api.postJson('/api/quotes', monthly100M)).json()
    expect(old.monthly.estimatedBill).toBe(63000)

    const raised = priceBookWith((book) => {
      book.components.find((component: { code: string }) => component.code === 'bb-100').monthly = 64000
    })
    const catalogVersion = await publishPriceBook(seeded.database.db, raised, SEED_TIME)
    expect(catalogVersion).not.toBe(old.catalogVersion)

    const repriced = await (await seeded.api.postJson('/api/quotes', monthly100M)).json()
    expect(repriced.catalogVersion).toBe(catalogVersion)
    expect(repriced.monthly.estimatedBill).toBe(64000)
    expect(await (await seeded.api.request(`/api/quotes/${old.id}`)).json()).toEqual(old)

    // Publishing the original price book again (a rollback) is its version again.
    const restored = await publishPriceBook(seeded.database.db, seedPriceBook, SEED_TIME)
    expect(restored).toBe(old.catalogVersion)
    expect((await (await seeded.api.postJson('/api/quotes', monthly100M)).json()).monthly.estimatedBill).toBe(63000)
  })

  it('refuses, before writing anything, a price book with an offering of 4 categories or a rule that does not parse', async () => {
    const versions = await seeded.database.db.selectFrom('catalog_versions').select('id').execute()
    const fourCategories = priceBookWith((book) => {
      book.offerings[0].categories = ['broadband', 'fixed_voice', 'mobile', 'vas']
    })
    const badRule = priceBookWith((book) => {
      book.offerings[1].rule.excessTiers = [{ upTo: 20000, rateBp: 'ninety' }]
    })
    await expect(saveCatalogVersion(seeded.database.db, fourCategories, SEED_TIME)).rejects.toThrow(ZodError)
    await expect(saveCatalogVersion(seeded.database.db, badRule, SEED_TIME)).rejects.toThrow(/excessTiers/)
    expect(await seeded.database.db.selectFrom('catalog_versions').select('id').execute()).toEqual(versions)
  })
})
