import type { Kysely } from 'kysely'
import { inCatalogTransaction, storeCatalogVersion } from '../../server/repositories/catalog-repository'
import { hasAnyRelease, insertRelease } from '../../server/repositories/catalog-releases-repository'
import { priceBookSchema } from '../../server/pricing/catalog-schema'
import { issueOfferCode } from '../../server/repositories/offer-codes-repository'
import type { PriceBookInput } from '../../server/pricing/catalog-schema'
import type { Database } from '../schema'
import { buildings, managers } from './buildings'
import priceBook from './price-book.json'

export const seedPriceBook = priceBook as PriceBookInput

/** The win-back test code of PRICING.md: single use, for the building whose tenants churned. */
export const TEST_OFFER_CODE = 'WB-TEST-0001'

/** The company the test code was issued to: a published, valid credit code (Alibaba (China) Co., Ltd.), the one the tests order with. */
export const TEST_OFFER_CODE_CREDIT_CODE = '91330100716105852F'

/** The ad campaigns of the demo (README, browser tests): landing views are counted under these values. */
export const demoCampaignValues: Record<'utm_source' | 'utm_medium' | 'utm_campaign', string[]> = {
  utm_source: ['baidu', 'google', 'sogou', '360'],
  utm_medium: ['cpc'],
  utm_campaign: ['lujiazui', 'sme-evergreen', 'broadband'],
}

/**
 * Loads the demo data (npm run db:seed; npm start on a new embedded database). Idempotent: managers,
 * buildings, campaigns and the test offer code are inserted once and never overwritten, and the demo
 * price book is published only into a database that has no catalog yet: after that the catalog changes
 * only through the console's approval (a re-run never undoes a published change).
 */
export async function seedDatabase(
  db: Kysely<Database>,
  options: { now: Date; priceBook?: PriceBookInput },
): Promise<{ catalogVersion: string | null }> {
  const catalogVersion = (await hasAnyRelease(db)) ? null : await publishFirstCatalog(db, options.priceBook ?? seedPriceBook, options.now)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('building_managers')
      .values(
        managers.map((manager) => ({
          id: manager.id,
          name: manager.name,
          name_en: manager.nameEn,
          phone: manager.phone,
          email: manager.email,
          district: manager.district,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute()
    await trx
      .insertInto('buildings')
      .values(
        buildings.map((building) => ({
          id: building.id,
          name_zh: building.name.zh,
          name_en: building.name.en,
          address_zh: building.address.zh,
          address_en: building.address.en,
          district: building.district,
          grade: building.grade,
          free_fibre_ports: building.freeFibrePorts,
          free_voice_ports: building.freeVoicePorts,
          max_broadband_mbps: building.maxBroadbandMbps,
          tenants: building.tenants,
          same_day_install: building.sameDayInstall ? 1 : 0,
          manager_id: building.managerId,
        })),
      )
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute()
    await trx
      .insertInto('campaign_values')
      .values(Object.entries(demoCampaignValues).flatMap(([parameter, values]) => values.map((value) => ({ parameter, value }))))
      .onConflict((conflict) => conflict.columns(['parameter', 'value']).doNothing())
      .execute()
    const winBackBuilding = buildings.find((building) => building.managerId !== null)!
    await issueOfferCode(trx, {
      code: TEST_OFFER_CODE,
      offering_slug: 'evergreen-winback',
      company_name: '上海示例贸易有限公司',
      building_id: winBackBuilding.id,
      credit_code: TEST_OFFER_CODE_CREDIT_CODE,
      issued_by: winBackBuilding.managerId,
      expires_at: '2099-12-31T16:00:00.000Z',
    })
    // Databases seeded before codes were bound to a company get the test code's company once.
    await trx.updateTable('offer_codes').set({ credit_code: TEST_OFFER_CODE_CREDIT_CODE }).where('code', '=', TEST_OFFER_CODE).where('credit_code', 'is', null).execute()
  })
  return { catalogVersion }
}

/** The demo price book as the first catalog version, in force everywhere from now; checked before anything is written. */
async function publishFirstCatalog(db: Kysely<Database>, priceBook: PriceBookInput, now: Date): Promise<string> {
  const book = priceBookSchema.parse(priceBook)
  return inCatalogTransaction(db, async (trx) => {
    // Two processes seeding one new database at once publish it once.
    if (await hasAnyRelease(trx)) return (await trx.selectFrom('catalog_releases').select('catalog_version').executeTakeFirstOrThrow()).catalog_version
    const version = await storeCatalogVersion(trx, book, now)
    await insertRelease(trx, { catalogVersion: version, draftId: null, publishAt: now.toISOString(), validUntil: null, districts: null, buildingIds: null, releasedBy: null }, now)
    return version
  })
}
