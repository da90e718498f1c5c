import { beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../server/repositories/audit-repository'
import type { BuildingDetail, BuildingPage } from '../../server/console/my-buildings'
import type { TenantPage, TenantView } from '../../server/console/tenants'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { creditCode, csvText, finishedImport, uploadTenantFile } from '../support/tenants'

// Wang Jing looks after Jin Mao, Shanghai Tower (no free fibre port), Lujiazui Business Plaza and a Lancun Road building.
const WANG_BUILDINGS = ['bld-jinmao-tower', 'bld-lancun-road-mixed', 'bld-lujiazui-business-plaza', 'bld-shanghai-tower']
const HEADER = ['公司名称', '统一社会信用代码', '楼层', '房号', '联系人', '手机']

describe.each(databaseKinds)('"My buildings" in the console on %s', (kind) => {
  const seeded = useSeededApi(kind)
  let wang: string
  let liu: string
  let marketing: string
  let ops: string
  let approver: string

  const get = async <T>(cookie: string, path: string) => {
    const response = await seeded.api.request(path, asStaff(cookie))
    return { status: response.status, body: (await response.json()) as T }
  }
  const send = (cookie: string, method: string, path: string, body: unknown) => seeded.api.request(path, asStaff(cookie, method, body))
  async function importTenants(cookie: string, buildingId: string, count: number, from = 0) {
    const rows = Array.from({ length: count }, (_, index) => [`上海${buildingId}第${from + index + 1}号公司`, creditCode(from + index + 1), String(index + 1), `${index + 1}01`, '联系人', `1380013${String(from + index).padStart(4, '0')}`])
    const response = await uploadTenantFile(seeded.api, cookie, `/api/console/buildings/${buildingId}/tenant-imports`, csvText([HEADER, ...rows]), 'list.csv')
    expect(response.status).toBe(202)
    return finishedImport(seeded.api, cookie, (await response.json()).job.id)
  }

  beforeAll(async () => {
    const users = await Promise.all([
      createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' }),
      createStaff(seeded.api, ['manager'], { managerId: 'mgr-changning-liu' }),
      createStaff(seeded.api, ['marketing']),
      createStaff(seeded.api, ['ops']),
      createStaff(seeded.api, ['approver']),
    ])
    ;[wang, liu, marketing, ops, approver] = await Promise.all(users.map((user) => signIn(seeded.api, user.email)))
    await importTenants(wang, 'bld-jinmao-tower', 40)
    await importTenants(wang, 'bld-shanghai-tower', 45, 100)
    await importTenants(wang, 'bld-lujiazui-business-plaza', 39, 200)
  })

  it('lists a manager’s own buildings only; marketing and operations see every one', async () => {
    const own = await get<BuildingPage>(wang, '/api/console/buildings')
    expect(own.status).toBe(200)
    expect(own.body.buildings.map((building) => building.id).sort()).toEqual(WANG_BUILDINGS)
    const all = await get<BuildingPage>(marketing, '/api/console/buildings')
    expect(all.body.total).toBeGreaterThan(WANG_BUILDINGS.length)
    expect((await get<BuildingPage>(ops, '/api/console/buildings?district=changning')).body.buildings.every((building) => building.district === 'changning')).toBe(true)
    expect((await get<BuildingPage>(marketing, '/api/console/buildings?q=jin%20mao')).body.buildings.map((building) => building.id)).toEqual(['bld-jinmao-tower'])
    expect((await seeded.api.request('/api/console/buildings', asStaff(approver))).status).toBe(403)
  })

  it('marks a target: 40+ tenant companies, every promoted bundle servable, no competitor exclusive; says what is missing', async () => {
    const entries = new Map((await get<BuildingPage>(wang, '/api/console/buildings')).body.buildings.map((building) => [building.id, building]))
    expect(entries.get('bld-jinmao-tower')).toMatchObject({ tenantCompanies: 40, target: { target: true, gaps: [] } })
    // Shanghai Tower has no free fibre port: broadband bundles cannot be installed there.
    expect(entries.get('bld-shanghai-tower')).toMatchObject({ tenantCompanies: 45, resources: { freeFibrePorts: 0 }, target: { target: false, gaps: ['cannot_serve'] } })
    expect(entries.get('bld-lujiazui-business-plaza')).toMatchObject({ tenantCompanies: 39, target: { target: false, gaps: ['few_tenants'] } })
    expect((await get<BuildingPage>(wang, '/api/console/buildings?target=1')).body.buildings.map((building) => building.id)).toEqual(['bld-jinmao-tower'])

    const marked = await send(wang, 'PATCH', '/api/console/buildings/bld-jinmao-tower', { competitorExclusive: true })
    expect(marked.status).toBe(200)
    expect(((await marked.json()) as BuildingDetail).target).toEqual({ target: false, gaps: ['competitor_exclusive'] })
    const audit = await auditOf(seeded.database.db, { kind: 'building', id: 'bld-jinmao-tower' })
    expect(audit.map((row) => [row.action, row.before, row.after])).toEqual([['building.competitor_exclusive', { competitorExclusive: false }, { competitorExclusive: true }]])
    expect((await send(marketing, 'PATCH', '/api/console/buildings/bld-jinmao-tower', { competitorExclusive: false })).status).toBe(200)
    expect((await get<BuildingDetail>(wang, '/api/console/buildings/bld-jinmao-tower')).body.target.target).toBe(true)
    expect((await send(ops, 'PATCH', '/api/console/buildings/bld-jinmao-tower', { competitorExclusive: true })).status).toBe(403)
  })

  it('shows a building’s resources, the promoted bundles it can serve, and its orders and leads', async () => {
    const { status, body } = await get<BuildingDetail>(wang, '/api/console/buildings/bld-shanghai-tower')
    expect(status).toBe(200)
    expect(body.resources).toEqual({ freeFibrePorts: 0, freeVoicePorts: 120, maxBroadbandMbps: 1000 })
    const servable = Object.fromEntries(body.bundles.map((bundle) => [bundle.slug, bundle.servable]))
    expect(servable).toMatchObject({ 'bb-express': false, 'fixed-broadband': false, 'fixed-mobile': true, 'local-ld-gift': true })
    expect(body.bundles.map((bundle) => bundle.slug)).not.toContain('evergreen-winback')
    expect(body.manager).toMatchObject({ id: 'mgr-lujiazui-wang' })
    expect(body.orders).toEqual({ total: 0, open: 0 })

    const lead = await seeded.api.postJson('/api/leads', { company: '上海线索测试有限公司', contact: { name: '王先生', mobile: '13800138000' }, buildingId: 'bld-jinmao-tower' })
    expect(lead.status).toBe(201)
    expect((await get<BuildingDetail>(wang, '/api/console/buildings/bld-jinmao-tower')).body.leads).toMatchObject({ total: 1, open: 1 })
  })

  it('answers 404 for another manager’s building, its tenants and its tenant, as for one that does not exist', async () => {
    const tenant = (await get<TenantPage>(wang, '/api/console/buildings/bld-jinmao-tower/tenants')).body.tenants[0]
    for (const path of ['/api/console/buildings/bld-jinmao-tower', '/api/console/buildings/bld-jinmao-tower/tenants', `/api/console/buildings/bld-jinmao-tower/tenants/${tenant.id}`, '/api/console/buildings/bld-jinmao-tower/tenant-imports']) {
      const response = await seeded.api.request(path, asStaff(liu))
      expect(response.status, path).toBe(404)
      expect((await response.json()).error.code).toBe('building_not_found')
    }
    expect((await send(liu, 'PATCH', `/api/console/buildings/bld-jinmao-tower/tenants/${tenant.id}`, { contactName: '刘' })).status).toBe(404)
    expect((await send(liu, 'PATCH', '/api/console/buildings/bld-jinmao-tower', { competitorExclusive: true })).status).toBe(404)
    expect((await seeded.api.request('/api/console/buildings/no-such-building', asStaff(marketing))).status).toBe(404)
    // A tenant of one building asked for under another is not found either.
    expect((await seeded.api.request(`/api/console/buildings/bld-shanghai-tower/tenants/${tenant.id}`, asStaff(wang))).status).toBe(404)
  })

  it('pages and searches a building’s tenants', async () => {
    const page = await get<TenantPage>(wang, '/api/console/buildings/bld-jinmao-tower/tenants')
    expect(page.body).toMatchObject({ total: 40, page: 1, pages: 1 })
    const found = await get<TenantPage>(wang, `/api/console/buildings/bld-jinmao-tower/tenants?q=${creditCode(7).toLowerCase()}`)
    expect(found.body.tenants.map((tenant) => tenant.creditCode)).toEqual([creditCode(7)])
    expect((await get<TenantPage>(wang, '/api/console/buildings/bld-jinmao-tower/tenants?q=%25')).body.total).toBe(0)
  })

  it('edits a tenant by hand: cleaned and checked like an import, marked edited, audited; clashes refused', async () => {
    const tenants = (await get<TenantPage>(wang, '/api/console/buildings/bld-lujiazui-business-plaza/tenants')).body.tenants
    const [first, second] = tenants
    const path = `/api/console/buildings/bld-lujiazui-business-plaza/tenants/${first.id}`
    const bad = await send(wang, 'PATCH', path, { creditCode: 'ABC', mobile: '12345' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues.map((issue: { path: string }) => issue.path)).toEqual(['creditCode', 'mobile'])

    const saved = await send(wang, 'PATCH', path, { contactName: ' 钱　经理 ', mobile: '１３９００１３９０００', email: '', staffSize: 25 })
    expect(saved.status).toBe(200)
    const tenant = (await saved.json()) as TenantView
    expect(tenant).toMatchObject({ contactName: '钱 经理', mobile: '13900139000', email: null, staffSize: 25, company: first.company, editedFields: ['contactName', 'mobile', 'staffSize'] })
    const audit = await auditOf(seeded.database.db, { kind: 'tenant', id: first.id })
    expect(audit.at(-1)).toMatchObject({ action: 'tenant.edited', before: { contactName: '联系人', staffSize: null }, after: { contactName: '钱 经理', mobile: '13900139000', staffSize: 25 } })

    const sameName = await send(wang, 'PATCH', path, { company: ` ${second.company} ` })
    expect(sameName.status).toBe(409)
    expect((await sameName.json()).error.code).toBe('tenant_conflict')
    expect((await send(wang, 'PATCH', path, { creditCode: second.creditCode })).status).toBe(409)
    expect((await send(wang, 'PATCH', path, { company: '' })).status).toBe(400)
    expect((await send(ops, 'PATCH', path, { contactName: '运营' })).status).toBe(403)
    expect((await send(marketing, 'PATCH', path, { carrier: '联通' })).status).toBe(200)
  })

  it('answers a tenant form post with a redirect back, naming the field to correct', async () => {
    const tenant = (await get<TenantPage>(wang, '/api/console/buildings/bld-lujiazui-business-plaza/tenants')).body.tenants[2]
    const post = (fields: Record<string, string>) =>
      seeded.api.request(`/api/console/buildings/bld-lujiazui-business-plaza/tenants/${tenant.id}?_method=PATCH`, {
        method: 'POST',
        headers: { cookie: wang, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, return: `/en/console/buildings/bld-lujiazui-business-plaza/tenants/${tenant.id}` }),
      })
    const refused = await post({ company: tenant.company, mobile: '12' })
    expect(refused.status).toBe(303)
    expect(refused.headers.get('location')).toContain(`/en/console/buildings/bld-lujiazui-business-plaza/tenants/${tenant.id}?error=invalid_request`)
    const saved = await post({ company: tenant.company, mobile: '13700137000' })
    expect(saved.headers.get('location')).toBe(`/en/console/buildings/bld-lujiazui-business-plaza/tenants/${tenant.id}?done=tenant_saved`)
  })
})
