import { describe, expect, it } from 'vitest'
import { tenantPrefill } from '../../server/console/tenant-prefill'
import { newTenantRow } from '../../server/repositories/tenants-repository'
import { VALID_CREDIT_CODE } from '../support/orders'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('win-back and assisted-quote forms opened from a tenant, on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('take the tenant’s company and contact at a building of the user, and nothing elsewhere', async () => {
    const db = seeded.database.db
    const row = newTenantRow(
      'bld-jinmao-tower',
      { company: '上海名录测试有限公司', creditCode: VALID_CREDIT_CODE, floor: '9', unit: '901', contactName: '周七', mobile: '13812345678', email: 'zhou@tenant.example', staffSize: 30, carrier: '其他运营商' },
      'shanghaimingluceshiyouxiangongsi',
      null,
      '2026-11-20T02:00:00.000Z',
    )
    await db.insertInto('tenants').values(row).execute()
    const expected = { buildingId: 'bld-jinmao-tower', company: '上海名录测试有限公司', creditCode: VALID_CREDIT_CODE, contactName: '周七', email: 'zhou@tenant.example' }
    expect(await tenantPrefill(db, ['bld-jinmao-tower'], 'bld-jinmao-tower', row.id)).toEqual(expected)
    expect(await tenantPrefill(db, 'all', 'bld-jinmao-tower', row.id)).toEqual(expected)
    // another manager's building, the tenant under another building, nothing asked
    expect(await tenantPrefill(db, ['bld-raffles-city'], 'bld-jinmao-tower', row.id)).toBeUndefined()
    expect(await tenantPrefill(db, 'all', 'bld-raffles-city', row.id)).toBeUndefined()
    expect(await tenantPrefill(db, 'all', null, null)).toBeUndefined()
  })
})
