import { describe, expect, it } from 'vitest'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('buildings API on %s', (kind) => {
  const seeded = useSeededApi(kind)

  const search = async (q: string) => (await (await seeded.api.request(`/api/buildings?q=${encodeURIComponent(q)}`)).json()).buildings

  it.each([
    ['a Chinese partial name', '金茂', 'bld-jinmao-tower'],
    ['an English name in any case', 'jin MAO', 'bld-jinmao-tower'],
    ['a road from the address', '世纪大道', 'bld-jinmao-tower'],
    ['a district', '徐汇', 'bld-last-port-huaxin'],
  ])('finds a building by %s', async (_how, q, id) => {
    const buildings = await search(q)
    expect(buildings.map((building: { id: string }) => building.id)).toContain(id)
    expect(buildings[0]).toMatchObject({ name: { zh: expect.any(String), en: expect.any(String) }, address: expect.any(String), district: expect.any(String), grade: expect.any(String) })
  })

  it.each([
    ['a misspelt Chinese name', '金贸大厦', 'bld-jinmao-tower'],
    ['a misspelt English name', 'jin mao towr', 'bld-jinmao-tower'],
    ['part of a name', '嘉里中心', 'bld-jingan-kerry-centre'],
  ])('tolerates %s', async (_how, q, id) => {
    expect((await search(q))[0].id).toBe(id)
  })

  it('finds nothing for punctuation or unrelated text, and lists buildings for an empty query', async () => {
    expect(await search('%')).toEqual([])
    expect(await search('xyz')).toEqual([])
    expect(await search('')).toHaveLength(10)
  })

  it('refuses an over-long query or limit', async () => {
    expect((await seeded.api.request(`/api/buildings?q=${'x'.repeat(101)}`)).status).toBe(400)
    expect((await seeded.api.request('/api/buildings?limit=1000')).status).toBe(400)
  })

  const serviceability = async (id: string, items: string) => {
    const response = await seeded.api.request(`/api/buildings/${id}/serviceability?items=${encodeURIComponent(items)}`)
    return { status: response.status, body: await response.json() }
  }

  it('qualifies a building that can deliver everything and names its manager', async () => {
    const { status, body } = await serviceability('bld-jinmao-tower', 'bb-1000:1,fixed-line:2,static-ip:1')
    expect(status).toBe(200)
    expect(body.result).toBe('qualified')
    expect(body.items.every((item: { available: boolean }) => item.available)).toBe(true)
    expect(body.manager).toMatchObject({ id: 'mgr-lujiazui-wang', name: '王静', phone: expect.stringMatching(/^1\d{10}$/) })
  })

  it('offers a lower speed where the building cannot serve the one asked for', async () => {
    const { body } = await serviceability('bld-last-port-huaxin', 'bb-1000:1,static-ip:1')
    expect(body.result).toBe('alternate')
    expect(body.items).toEqual([
      { code: 'bb-1000', count: 1, available: false, reason: 'speed_unavailable' },
      { code: 'static-ip', count: 1, available: false, reason: 'requires_broadband' },
    ])
    expect(body.alternatives).toEqual([expect.objectContaining({ replaces: 'bb-1000', code: 'bb-300', speedMbps: 300 })])
  })

  it('is unqualified without free fibre ports, and explains why', async () => {
    const { body } = await serviceability('bld-shanghai-tower', 'bb-100:1')
    expect(body.result).toBe('unqualified')
    expect(body.items).toEqual([{ code: 'bb-100', count: 1, available: false, reason: 'no_fibre_ports' }])
  })

  it('is unqualified when the building has fewer voice ports than lines', async () => {
    const { body } = await serviceability('bld-changshou-road-complex', 'fixed-line:1')
    expect(body.result).toBe('unqualified')
    expect(body.items[0].reason).toBe('no_voice_ports')
  })

  it('sends buildings without a manager to their district queue', async () => {
    const [unmanaged] = await seeded.database.db.selectFrom('buildings').selectAll().where('manager_id', 'is', null).execute()
    const { body } = await serviceability(unmanaged.id, 'fixed-line:1')
    expect(body.manager).toBeNull()
    expect(body.queue).toEqual({ district: unmanaged.district })
  })

  it.each([
    ['no items', ''],
    ['a zero count', 'bb-100:0'],
    ['a fractional count', 'bb-100:1.5'],
    ['garbage', 'bb-100:1:2'],
    ['an unknown component', 'warp-drive:1'],
  ])('refuses %s with 400', async (_name, items) => {
    const { status, body } = await serviceability('bld-jinmao-tower', items)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
  })

  it('answers 404 for an unknown building', async () => {
    const { status, body } = await serviceability('bld-nowhere', 'bb-100:1')
    expect(status).toBe(404)
    expect(body.error.code).toBe('building_not_found')
  })
})
