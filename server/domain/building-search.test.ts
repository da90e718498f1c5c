import { describe, expect, it } from 'vitest'
import { normalizeForSearch, rankBuildings } from './building-search'

const buildings = [
  { id: 'jinmao', texts: ['金茂大厦', 'Jin Mao Tower', '浦东新区世纪大道88号'] },
  { id: 'plaza66', texts: ['恒隆广场', 'Plaza 66', '静安区南京西路1266号'] },
  { id: 'gateway', texts: ['港汇恒隆广场', 'Grand Gateway 66', '徐汇区虹桥路1号'] },
  { id: 'huaxin', texts: ['华鑫商务楼', 'Huaxin Business Building', '徐汇区田林路142号'] },
  { id: 'caohejing', texts: ['漕河泾创业中心', 'Caohejing Venture Center', '宜山路900号'] },
]
const ids = (query: string, limit = 10) => rankBuildings(query, buildings, limit).map((building) => building.id)

describe('rankBuildings', () => {
  it('ranks an exact part of a name first, the shorter (closer) name ahead', () => {
    expect(ids('恒隆广场')).toEqual(['plaza66', 'gateway'])
  })

  it('tolerates one wrong Chinese character', () => {
    expect(ids('金贸大厦')).toEqual(['jinmao'])
  })

  it('tolerates misspelt English and ignores case, spaces and punctuation', () => {
    expect(ids('JIN-MAO towr')).toEqual(['jinmao'])
    expect(ids('plaza66')).toEqual(['plaza66'])
  })

  it('does not take English letters that happen to meet inside another name for a match', () => {
    // "ji", "in" and "ao" are all in "Caohejing": pairs of Latin letters match too much.
    expect(ids('Jin Mao')).toEqual(['jinmao'])
    expect(ids('Caohejing')).toEqual(['caohejing'])
  })

  it('matches addresses, the shorter address first, and stops at the limit', () => {
    expect(ids('徐汇区')).toEqual(['gateway', 'huaxin'])
    expect(ids('徐汇区', 1)).toHaveLength(1)
  })

  it('finds nothing for unrelated text or punctuation only, everything for an empty query', () => {
    expect(ids('xyz')).toEqual([])
    expect(ids('%%')).toEqual([])
    expect(ids('  ')).toEqual(['jinmao', 'plaza66', 'gateway', 'huaxin', 'caohejing'])
  })

  it('normalizes full-width characters and case', () => {
    expect(normalizeForSearch('Ｐｌａｚａ ６６！')).toBe('plaza66')
  })
})
