import ExcelJS from 'exceljs'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { asStaff, createStaff, signIn } from '../support/staff'
import { useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'
import { creditCode, csvText, finishedImport, uploadTenantFile } from '../support/tenants'

// Jin Mao Tower and Lujiazui Business Plaza are Wang Jing's; Liu's buildings are in Changning.
const JIN_MAO = 'bld-jinmao-tower'
const PLAZA = 'bld-lujiazui-business-plaza'
const HEADER = ['公司名称', '统一社会信用代码', '楼层', '房号', '联系人', '手机', '邮箱', '员工人数', '现有运营商']

describe.each(databaseKinds)('importing tenant lists on %s', (kind) => {
  const seeded = useSeededApi(kind)
  const db = () => seeded.database.db
  let wang: string
  let liu: string
  let marketing: string
  let ops: string

  beforeAll(async () => {
    const users = await Promise.all([
      createStaff(seeded.api, ['manager'], { managerId: 'mgr-lujiazui-wang' }),
      createStaff(seeded.api, ['manager'], { managerId: 'mgr-changning-liu' }),
      createStaff(seeded.api, ['marketing']),
      createStaff(seeded.api, ['ops']),
    ])
    ;[wang, liu, marketing, ops] = await Promise.all(users.map((user) => signIn(seeded.api, user.email)))
  })

  const upload = (cookie: string, buildingId: string | null, bytes: Uint8Array | string, name = 'tenants.csv') =>
    uploadTenantFile(seeded.api, cookie, buildingId ? `/api/console/buildings/${buildingId}/tenant-imports` : '/api/console/tenant-imports', bytes, name)
  async function imported(cookie: string, buildingId: string | null, bytes: Uint8Array | string, name?: string) {
    const response = await upload(cookie, buildingId, bytes, name)
    expect(response.status, await response.clone().text()).toBe(202)
    const { job } = await response.json()
    return finishedImport(seeded.api, cookie, job.id)
  }
  const tenantsOf = (buildingId: string) => db().selectFrom('tenants').selectAll().where('building_id', '=', buildingId).orderBy('name_key').execute()
  const tenantCount = async (buildingId: string) => (await db().selectFrom('buildings').select('tenant_companies').where('id', '=', buildingId).executeTakeFirstOrThrow()).tenant_companies

  // A dirty list: a title row, full-width characters, a duplicate by credit code and one by name, bad
  // codes and mobiles, a row without a company, blank lines.
  const fullWidth = (text: string) => [...text].map((character) => (/[0-9A-Z]/.test(character) ? String.fromCharCode(character.charCodeAt(0) + 0xfee0) : character)).join('')
  const dirty = csvText([
    ['金茂大厦租户名单（2026年11月）'],
    HEADER,
    ['  上海星河网络科技有限公司 ', creditCode(1), '12F', '1201', '王伟', '138 0013 8001', 'Wang@XingHe.cn', '80人', '中国电信'],
    ['上海星河网络科技有限公司', creditCode(1), '', '', '李娜', '13800138009', '', '', ''],
    ['上海 明远（中国）咨询有限公司', fullWidth(creditCode(2)), '15', '1502', '陈静', fullWidth('13900139002'), '', '200', '联通'],
    ['上海明远(中国)咨询有限公司', '', '15', '1502', '', '', 'chen@mingyuan.cn', '', ''],
    ['上海错码贸易有限公司', `${creditCode(3).slice(0, 17)}${creditCode(3).endsWith('1') ? '2' : '1'}`, '8', '801', '赵磊', '13600136003', '', '', ''],
    ['上海座机商务有限公司', creditCode(4), '9', '902', '孙杰', '021-61234567', '', '', ''],
    ['', creditCode(5), '10', '1001', '周敏', '13700137005', '', '', ''],
    [],
    ['上海无码设计工作室', '', '3', '301', '吴洋', '', '', 'abc', ''],
    ['上海无码设计事务所', '', '3', '302', '吴洋', '+86 137-0013-7006', '', '12', '移动'],
  ])

  it('cleans a dirty CSV: merges duplicates, refuses bad rows with their row number and reason, stores normalised values', async () => {
    const job = await imported(wang, JIN_MAO, dirty)
    expect(job).toMatchObject({ status: 'done', format: 'csv', buildingId: JIN_MAO, rowsTotal: 9, rowsDone: 9, inserted: 3, updated: 0, unchanged: 0, merged: 2, refused: 4 })
    // Row numbers as a spreadsheet shows them: the title is row 1, the header row 2.
    expect(job.report!.refusals).toEqual([
      { row: 7, reason: 'credit_code_invalid', field: 'creditCode' },
      { row: 8, reason: 'mobile_invalid', field: 'mobile' },
      { row: 9, reason: 'company_missing', field: 'company' },
      { row: 11, reason: 'staff_size_invalid', field: 'staffSize' },
    ])
    expect(job.report!.merges).toEqual([{ row: 4, into: 3 }, { row: 6, into: 5 }])
    const tenants = await tenantsOf(JIN_MAO)
    expect(tenants.map((tenant) => [tenant.company, tenant.credit_code, tenant.floor, tenant.unit, tenant.contact_name, tenant.mobile, tenant.email, tenant.staff_size, tenant.carrier])).toEqual([
      ['上海无码设计事务所', null, '3', '302', '吴洋', '13700137006', null, 12, '中国移动'],
      // The first row's spelling (its spaces made one); the later row by the same name filled in the e-mail.
      ['上海 明远(中国)咨询有限公司', creditCode(2), '15', '1502', '陈静', '13900139002', 'chen@mingyuan.cn', 200, '中国联通'],
      ['上海星河网络科技有限公司', creditCode(1), '12F', '1201', '王伟', '13800138001', 'wang@xinghe.cn', 80, '中国电信'],
    ])
    expect(await tenantCount(JIN_MAO)).toBe(3)
  })

  it('changes nothing when the same file comes again: the earlier job answers, marked repeated', async () => {
    const before = await tenantsOf(JIN_MAO)
    const first = await (await seeded.api.request(`/api/console/buildings/${JIN_MAO}/tenant-imports`, asStaff(wang))).json()
    const again = await upload(wang, JIN_MAO, dirty)
    expect(again.status).toBe(200)
    const body = await again.json()
    expect(body.repeated).toBe(true)
    expect(body.job.id).toBe(first.imports[0].id)
    expect(await tenantsOf(JIN_MAO)).toEqual(before)
    // The same rows in a file of their own (another hash) merge into what is there without a change.
    const job = await imported(wang, JIN_MAO, dirty + '\r\n')
    expect(job).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 3, merged: 2, refused: 4 })
    expect(await tenantsOf(JIN_MAO)).toEqual(before)
  })

  it('never overwrites what a manager edited by hand, and still knows a tenant by the name its lists spell', async () => {
    const xinghe = (await tenantsOf(JIN_MAO)).find((tenant) => tenant.credit_code === creditCode(1))!
    const edit = await seeded.api.request(
      `/api/console/buildings/${JIN_MAO}/tenants/${xinghe.id}`,
      asStaff(wang, 'PATCH', { company: '上海星河网络科技股份有限公司', contactName: '王总', mobile: '13800138888' }),
    )
    expect(edit.status).toBe(200)
    expect(await edit.json()).toMatchObject({ company: '上海星河网络科技股份有限公司', contactName: '王总', editedFields: ['company', 'contactName', 'mobile'] })

    const update = csvText([
      HEADER,
      // By name as the list spells it (no code): the corrected tenant, not a new one.
      ['上海星河网络科技有限公司', '', '12F', '1208', '王伟', '13800138001', '', '95', '中国移动'],
    ])
    const job = await imported(wang, JIN_MAO, update)
    expect(job).toMatchObject({ inserted: 0, updated: 1, refused: 0 })
    const after = (await tenantsOf(JIN_MAO)).find((tenant) => tenant.id === xinghe.id)!
    expect(after).toMatchObject({ company: '上海星河网络科技股份有限公司', contact_name: '王总', mobile: '13800138888', unit: '1208', staff_size: 95, carrier: '中国移动' })
    expect(await tenantCount(JIN_MAO)).toBe(3)
  })

  it('reads a GBK-encoded CSV as Chinese Excel saves it', async () => {
    const job = await imported(wang, PLAZA, readFileSync('tests/fixtures/tenants-gbk.csv'), 'gbk.csv')
    expect(job).toMatchObject({ status: 'done', inserted: 3, merged: 1, refused: 1 })
    expect(job.report!.refusals).toEqual([{ row: 6, reason: 'credit_code_invalid', field: 'creditCode' }])
    expect((await tenantsOf(PLAZA)).map((tenant) => tenant.company)).toEqual(expect.arrayContaining(['上海锦程贸易有限公司', '浦江数据科技(上海)有限公司']))
    // UTF-16 with its BOM, as some exports write it.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText([HEADER, ['上海十六位科技有限公司', '', '1', '101', '', '', '', '', '']]).replace(/,/g, '\t'), 'utf16le')])
    expect(await imported(wang, PLAZA, utf16, 'utf16.txt')).toMatchObject({ status: 'done', inserted: 1 })
  })

  it('reads an XLSX workbook: a merged title row, a floor merged over several tenants, a name merged across two columns, links and numbers', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('租户')
    sheet.addRow(['陆家嘴商务广场 租户'])
    sheet.mergeCells('A1:I1')
    sheet.addRow(HEADER)
    sheet.addRow(['上海合并单元格科技有限公司', creditCode(11), '18', '1801', '钱多多', 13800138011, { text: 'qian@merge.cn', hyperlink: 'mailto:qian@merge.cn' }, 30, '电信'])
    sheet.addRow(['上海同层咨询有限公司', creditCode(12), null, '1802', '孙同', 13800138012, null, 15, null])
    sheet.addRow(['上海同层设计有限公司', creditCode(13), null, '1803', '李同', 13800138013, null, 8, null])
    sheet.mergeCells('C3:C5')
    sheet.addRow(['上海跨列名称很长的贸易有限公司', null, '19', '1901', '周跨', 13800138014, null, null, null])
    sheet.mergeCells('A6:B6')
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const job = await imported(marketing, PLAZA, bytes, 'tenants.xlsx')
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', rowsTotal: 4, inserted: 4, refused: 0 })
    const byName = new Map((await tenantsOf(PLAZA)).map((tenant) => [tenant.company, tenant]))
    expect(byName.get('上海合并单元格科技有限公司')).toMatchObject({ floor: '18', mobile: '13800138011', email: 'qian@merge.cn', staff_size: 30, carrier: '中国电信' })
    expect(byName.get('上海同层咨询有限公司')!.floor).toBe('18')
    expect(byName.get('上海同层设计有限公司')!.floor).toBe('18')
    // The merged name is the company's only: the credit code column it covers stays empty.
    expect(byName.get('上海跨列名称很长的贸易有限公司')).toMatchObject({ credit_code: null, floor: '19' })
  })

  it('takes a city-wide file naming each row’s building; a manager’s rows for buildings not theirs are refused', async () => {
    const city = csvText([
      ['楼宇', ...HEADER],
      [JIN_MAO, '上海城市一号有限公司', creditCode(21), '1', '101', '', '', '', '', ''],
      ['上海中心大厦', '上海城市二号有限公司', creditCode(22), '2', '201', '', '', '', '', ''],
      ['Hongqiao Nanfung Plaza', '上海城市三号有限公司', creditCode(23), '3', '301', '', '', '', '', ''],
      ['no-such-building', '上海城市四号有限公司', creditCode(24), '4', '401', '', '', '', '', ''],
      ['', '上海城市五号有限公司', creditCode(25), '5', '501', '', '', '', '', ''],
    ])
    const buildingRows = await db().selectFrom('buildings').select(['id', 'name_zh', 'name_en']).where('id', 'in', ['bld-shanghai-tower', 'bld-hongqiao-nanfung']).execute()
    expect(buildingRows.map((row) => row.name_zh)).toContain('上海中心大厦')
    expect(buildingRows.map((row) => row.name_en)).toContain('Hongqiao Nanfung Plaza')

    const byWang = await imported(wang, null, city, 'city.csv')
    expect(byWang).toMatchObject({ status: 'done', buildingId: null, inserted: 2, refused: 3 })
    expect(byWang.report!.refusals.map((refusal) => [refusal.row, refusal.reason])).toEqual([[4, 'building_unknown'], [5, 'building_unknown'], [6, 'building_missing']])

    const byMarketing = await imported(marketing, null, city, 'city.csv')
    expect(byMarketing).toMatchObject({ inserted: 1, unchanged: 2, refused: 2 })
    expect((await tenantsOf('bld-hongqiao-nanfung')).map((tenant) => tenant.company)).toEqual(['上海城市三号有限公司'])
    // A city file without a building column is refused as a whole.
    expect(await imported(marketing, null, csvText([HEADER, ['上海某公司', '', '', '', '', '', '', '', '']]), 'nobuilding.csv')).toMatchObject({ status: 'failed', failure: 'no_building_column' })
    // Wang sees his own city imports only; marketing sees every one.
    const list = async (cookie: string) => (await (await seeded.api.request('/api/console/tenant-imports', asStaff(cookie))).json()).imports.map((job: { id: string }) => job.id)
    expect(await list(wang)).toEqual([byWang.id])
    expect(await list(marketing)).toEqual(expect.arrayContaining([byWang.id, byMarketing.id]))
    expect((await seeded.api.request(`/api/console/tenant-imports/${byMarketing.id}`, asStaff(liu))).status).toBe(404)
  })

  it('fails a file it cannot read with the reason, and refuses an upload without a file', async () => {
    expect(await imported(wang, PLAZA, csvText([['序号', '联系人'], ['1', '王']]), 'nocompany.csv')).toMatchObject({ status: 'failed', failure: 'no_company_column' })
    expect(await imported(wang, PLAZA, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')).toMatchObject({ status: 'failed', failure: 'file_unsupported' })
    expect(await imported(wang, PLAZA, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).toMatchObject({ status: 'failed', failure: 'file_unreadable' })
    // A text file named .xlsx is not read as a CSV (whose first line would be blamed for a missing company column).
    expect(await imported(wang, PLAZA, csvText([HEADER, ['上海改名测试有限公司', '', '', '', '', '', '', '', '']]), 'renamed.xlsx')).toMatchObject({ status: 'failed', failure: 'file_unreadable' })
    const empty = await upload(wang, PLAZA, '', 'empty.csv')
    expect(empty.status).toBe(400)
    expect((await empty.json()).error).toMatchObject({ code: 'invalid_request', issues: [{ path: 'file' }] })
  })

  it('takes a file far larger than the API’s other bodies, in batches', async () => {
    const rows = Array.from({ length: 4_000 }, (_, index) => [`上海批量第${index + 1}号科技有限公司`, creditCode(1_000 + index), String(1 + (index % 40)), String(100 + index), '联系人', `139${String(index).padStart(8, '0')}`, '', '20', '电信'])
    const text = csvText([HEADER, ...rows])
    expect(text.length).toBeGreaterThan(200 * 1024)
    const job = await imported(marketing, 'bld-pudong-software-park', text, 'big.csv')
    expect(job).toMatchObject({ status: 'done', rowsTotal: 4_000, rowsDone: 4_000, inserted: 4_000, refused: 0 })
    expect(await tenantCount('bld-pudong-software-park')).toBe(4_000)
  })

  it('shows an import left running by a process that ended as interrupted, and runs the same file again', async () => {
    const file = csvText([HEADER, ['上海中断测试有限公司', '', '', '', '', '', '', '', '']])
    const hour = '2026-11-22T02:00:00.000Z'
    await db()
      .insertInto('tenant_imports')
      .values({ id: 'left-running', building_id: PLAZA, scope_key: PLAZA, content_hash: createHash('sha256').update(file).digest('hex'), file_name: 'stale.csv', imported_by: null, status: 'running', created_at: hour, heartbeat_at: hour })
      .execute()
    const stale = await seeded.api.request('/api/console/tenant-imports/left-running', asStaff(wang))
    expect(await stale.json()).toMatchObject({ status: 'failed', failure: 'interrupted' })
    const again = await upload(wang, PLAZA, file, 'stale.csv')
    expect(again.status).toBe(202)
    const { job } = await again.json()
    expect(job.id).toBe('left-running')
    expect(await finishedImport(seeded.api, wang, job.id)).toMatchObject({ status: 'done', inserted: 1 })
  })

  it('refuses a file larger than 25 MB (413)', async () => {
    const response = await upload(marketing, PLAZA, new Uint8Array(25 * 1024 * 1024 + 1), 'huge.csv')
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('lets marketing and managers import, not operations; another manager’s building is not found', async () => {
    const small = csvText([HEADER, ['上海权限测试有限公司', '', '', '', '', '', '', '', '']])
    expect((await upload(ops, JIN_MAO, small)).status).toBe(403)
    const outsider = await upload(liu, JIN_MAO, small)
    expect(outsider.status).toBe(404)
    expect((await outsider.json()).error.code).toBe('building_not_found')
    const jobs = await (await seeded.api.request(`/api/console/buildings/${JIN_MAO}/tenant-imports`, asStaff(wang))).json()
    expect((await seeded.api.request(`/api/console/tenant-imports/${jobs.imports[0].id}`, asStaff(liu))).status).toBe(404)
    expect((await seeded.api.request(`/api/console/buildings/${JIN_MAO}/tenant-imports`, asStaff(liu))).status).toBe(404)
    expect((await seeded.api.request(`/api/console/tenant-imports/${jobs.imports[0].id}`, asStaff(ops))).status).toBe(200)
  })

  it('answers a form post with a redirect to the page following the import', async () => {
    const response = await uploadTenantFile(seeded.api, wang, `/api/console/buildings/${PLAZA}/tenant-imports`, csvText([HEADER, ['上海表单上传有限公司', '', '', '', '', '', '', '', '']]), 'form.csv', {
      return: `/en/console/buildings/${PLAZA}`,
    }, true)
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location')!, 'http://x')
    expect(location.pathname).toBe(`/en/console/buildings/${PLAZA}`)
    expect(location.searchParams.get('done')).toBe('import_started')
    expect(await finishedImport(seeded.api, wang, location.searchParams.get('import')!)).toMatchObject({ status: 'done', inserted: 1 })
  })
})
