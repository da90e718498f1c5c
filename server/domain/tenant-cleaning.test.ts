import { describe, expect, it } from 'vitest'
import { creditCode } from '../../tests/support/tenants'
import { cleanTenant, cleanText, companyNameKey, readHeader, rowFields, splitFloorUnit } from './tenant-cleaning'
import { mergeBuilding, type ExistingTenant } from './tenant-merge'

const values = (raw: Parameters<typeof cleanTenant>[0]) => {
  const cleaned = cleanTenant(raw)
  if ('issues' in cleaned) throw new Error(JSON.stringify(cleaned.issues))
  return cleaned.values
}

describe('cleaning a tenant row', () => {
  it('NFKC-normalises, trims and collapses spaces; full-width digits, letters and brackets become ASCII', () => {
    expect(cleanText('  上海\u3000某某（中国）  科技\u200b有限公司 ')).toBe('上海 某某(中国) 科技有限公司')
    const code = creditCode(7)
    const fullWidth = [...code].map((character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0)).join('')
    expect(values({ company: 'Ａ公司', creditCode: ` ${fullWidth.toLowerCase()} `, mobile: '１３８ ００１３ ８０００', email: ' Boss@Example.COM ', staffSize: '１２０人' })).toMatchObject({
      company: 'A公司',
      creditCode: code,
      mobile: '13800138000',
      email: 'boss@example.com',
      staffSize: 120,
    })
  })

  it('refuses a bad credit code, a mobile that is not a mainland mobile, a bad e-mail or staff size, a missing company', () => {
    const bad = creditCode(1).slice(0, 17) + (creditCode(1).endsWith('0') ? '1' : '0')
    expect(cleanTenant({ company: 'A', creditCode: bad })).toEqual({ issues: [{ field: 'creditCode', reason: 'credit_code_invalid' }] })
    expect(cleanTenant({ company: 'A', mobile: '021-61234567' })).toEqual({ issues: [{ field: 'mobile', reason: 'mobile_invalid' }] })
    expect(cleanTenant({ company: 'A', email: 'boss@' })).toEqual({ issues: [{ field: 'email', reason: 'email_invalid' }] })
    expect(cleanTenant({ company: 'A', staffSize: 'many' })).toEqual({ issues: [{ field: 'staffSize', reason: 'staff_size_invalid' }] })
    expect(cleanTenant({ company: ' ', contactName: '王' })).toEqual({ issues: [{ field: 'company', reason: 'company_missing' }] })
    expect(cleanTenant({ company: 'A'.repeat(101) })).toEqual({ issues: [{ field: 'company', reason: 'too_long' }] })
  })

  it('accepts a mobile with +86 and dashes, names the big carriers one way, empty cells as null', () => {
    expect(values({ company: 'A', mobile: '+86 138-0013-8000', carrier: '电信', contactName: '' })).toMatchObject({ mobile: '13800138000', carrier: '中国电信', contactName: null })
    expect(values({ company: 'A', carrier: 'China Mobile' }).carrier).toBe('中国移动')
    // The name alone, as staff say it ("Mobile" alone is too common a word to be the carrier).
    expect(['Unicom', 'unicom', 'Telecom', 'Broadnet'].map((carrier) => values({ company: 'A', carrier }).carrier)).toEqual(['中国联通', '中国联通', '中国电信', '中国广电'])
    expect(values({ company: 'A', carrier: '某宽带' }).carrier).toBe('某宽带')
  })

  it('finds the same company under different spacing, case, width and punctuation', () => {
    expect(companyNameKey('上海 某某（中国）科技有限公司')).toBe(companyNameKey('上海某某(中国)科技有限公司'))
    expect(companyNameKey('Acme Trading Co., Ltd.')).toBe(companyNameKey('ACME TRADING CO LTD'))
  })

  it('reads Chinese and English headers, and a combined floor/unit column', () => {
    const columns = readHeader(['序号', '企业名称', '统一社会信用代码', '楼层/单元', '联系人', '手机号码', 'E-mail', '员工人数', '现有运营商'])!
    expect(Object.fromEntries(columns)).toEqual({ company: 1, creditCode: 2, floorUnit: 3, contactName: 4, mobile: 5, email: 6, staffSize: 7, carrier: 8 })
    expect(rowFields(['1', 'A', '', '12F/1203', '', '', '', '', ''], columns).raw).toMatchObject({ floor: '12F', unit: '1203' })
    expect(splitFloorUnit('12层')).toEqual({ floor: '12层', unit: '' })
    expect(readHeader(['Company name', 'Credit code', 'Mobile'])).toBeDefined()
    expect(readHeader(['序号', '联系人'])).toBeUndefined()
  })
})

describe('merging a building’s rows', () => {
  const row = (n: number, raw: Parameters<typeof cleanTenant>[0]) => ({ row: n, values: values(raw) })

  it('merges rows with the same credit code or the same normalised name; the first row’s values win, later rows fill gaps', () => {
    const merge = mergeBuilding([], [
      row(2, { company: '甲公司', creditCode: creditCode(1), contactName: '王伟' }),
      row(3, { company: '甲 公司', mobile: '13800138000', contactName: '李娜' }),
      row(4, { company: '甲公司（上海）', creditCode: creditCode(1), email: 'a@b.cn' }),
      row(5, { company: '乙公司' }),
    ])
    expect(merge.inserts.map((tenant) => tenant.values)).toEqual([
      expect.objectContaining({ company: '甲公司', creditCode: creditCode(1), contactName: '王伟', mobile: '13800138000', email: 'a@b.cn' }),
      expect.objectContaining({ company: '乙公司' }),
    ])
    expect(merge.merges).toEqual([{ row: 3, into: 2 }, { row: 4, into: 2 }])
  })

  it('refuses a row whose name is another company’s (other code), or whose code and name point at two tenants', () => {
    const merge = mergeBuilding([], [
      row(2, { company: '甲公司', creditCode: creditCode(1) }),
      row(3, { company: '乙公司', creditCode: creditCode(2) }),
      row(4, { company: '甲公司', creditCode: creditCode(3) }),
      row(5, { company: '乙公司', creditCode: creditCode(1) }),
    ])
    expect(merge.inserts).toHaveLength(2)
    expect(merge.refusals).toEqual([{ row: 4, reason: 'name_conflict' }, { row: 5, reason: 'code_conflict' }])
  })

  it('never overwrites a field edited by hand, never erases with an empty cell, and changes nothing the second time', () => {
    const existing: ExistingTenant = {
      id: 't1',
      values: values({ company: '甲公司', contactName: '王伟', mobile: '13800138000', carrier: '中国联通' }),
      nameKeys: [companyNameKey('甲公司')],
      edited: new Set(['contactName']),
    }
    const rows = [row(2, { company: '甲公司', contactName: '李娜', carrier: '电信', floor: '' })]
    const merge = mergeBuilding([existing], rows)
    expect(merge.updates).toEqual([{ existing, values: expect.objectContaining({ contactName: '王伟', mobile: '13800138000', carrier: '中国电信' }), changed: ['carrier'] }])
    const again = mergeBuilding([{ ...existing, values: merge.updates[0].values }], rows)
    expect(again).toMatchObject({ inserts: [], updates: [], unchanged: 1 })
  })

  it('finds a tenant by the name its lists spell after a manager corrected it', () => {
    const existing: ExistingTenant = { id: 't1', values: values({ company: '甲科技公司' }), nameKeys: [companyNameKey('甲科技公司'), companyNameKey('甲科枝公司')], edited: new Set(['company']) }
    const merge = mergeBuilding([existing], [row(2, { company: '甲科枝公司', mobile: '13900139000' })])
    expect(merge.inserts).toEqual([])
    expect(merge.updates[0].values).toMatchObject({ company: '甲科技公司', mobile: '13900139000' })
  })
})
