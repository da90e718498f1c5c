import { creditCodeCheckCharacter } from '../../server/domain/credit-code'
import { mobileNumber, personName } from './places'
import type { Random } from './random'

/*
 * A city-wide tenant list as marketing would receive it from property managers: one row per company
 * with its building's id, and the dirt real lists carry (a company listed twice, bad credit codes,
 * landlines for mobiles, full-width digits, spaces, missing codes), so an import of it does the
 * cleaning work it would do on real data.
 */

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const REGIONS = ['310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112', '310115']
const WORDS = ['星河', '明远', '恒信', '锦程', '华瑞', '东方', '新城', '博雅', '汇通', '启航', '卓越', '鼎盛', '联创', '云帆', '长青']
const TRADES = ['网络科技', '信息技术', '商务咨询', '贸易', '文化传媒', '设计', '投资管理', '供应链管理', '医疗科技', '教育科技', '广告', '物流']
const CARRIERS = ['中国电信', '电信', '中国联通', '联通', '中国移动', 'China Mobile', '', '']

export const TENANT_LIST_HEADER = ['楼宇', '公司名称', '统一社会信用代码', '楼层', '房号', '联系人', '手机', '邮箱', '员工人数', '现有运营商']

/** A valid unified social credit code: a company registered in a Shanghai district. */
export function generatedCreditCode(random: Random): string {
  const first17 = `91${REGIONS[random.int(0, REGIONS.length - 1)]}${random.text(CODE_ALPHABET, 9)}`
  return first17 + creditCodeCheckCharacter(first17)
}

const fullWidth = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0))
const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/**
 * `rows` lines of a tenant list (after its header) spread over `buildingIds`, as CSV text: about 2 %
 * of rows repeat an earlier company of the same building (merged on import), about 1 % carry a bad
 * credit code and 1 % a landline (refused), the rest are clean companies, some written sloppily.
 */
export function tenantListCsv(random: Random, buildingIds: readonly string[], rows: number): string {
  const lines = [TENANT_LIST_HEADER.join(',')]
  const earlier = new Map<string, string[]>()
  for (let index = 0; index < rows; index++) {
    const building = buildingIds[random.int(0, buildingIds.length - 1)]
    const before = earlier.get(building)
    let cells: string[]
    if (before && random.chance(0.02)) {
      // The same company again, its name spaced differently and another contact.
      cells = [...before]
      cells[1] = ` ${cells[1].slice(0, 2)} ${cells[1].slice(2)}`
      cells[5] = personName(random).zh
    } else {
      const name = `上海${random.pick(WORDS)}${random.pick(TRADES)}有限公司${index + 1}`
      let code = random.chance(0.9) ? generatedCreditCode(random) : ''
      if (code && random.chance(0.01)) code = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0')
      let mobile = mobileNumber(random)
      if (random.chance(0.01)) mobile = `021-${random.text('0123456789', 8)}`
      else if (random.chance(0.05)) mobile = fullWidth(mobile)
      const floor = random.int(1, 60)
      cells = [
        building,
        name,
        code,
        `${floor}F`,
        `${floor}${String(random.int(1, 20)).padStart(2, '0')}`,
        personName(random).zh,
        mobile,
        random.chance(0.6) ? `contact${index + 1}@tenant${index + 1}.cn` : '',
        random.chance(0.8) ? String(random.int(3, 600)) : '',
        random.pick(CARRIERS),
      ]
      earlier.set(building, cells)
    }
    lines.push(cells.map(quoted).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
