import { describe, expect, it } from 'vitest'
import { normalizeForSearch, orderSearchGrams, searchGrams } from './search-grams'

describe('search trigrams', () => {
  it('compares texts as staff type them: full-width, case, spaces, dashes and brackets do not count', () => {
    expect(normalizeForSearch('ＳＯ２６１１２２－７ｋ３Ｆ')).toBe('SO2611227K3F')
    expect(normalizeForSearch(' 138 1234-5678 ')).toBe('13812345678')
    expect(normalizeForSearch('上海（示例）科技')).toBe('上海示例科技')
  })

  it('gives every trigram of each text once, none across two texts, none for a text shorter than three', () => {
    expect(searchGrams('abcd', 'cde', 'xy')).toEqual(['ABC', 'BCD', 'CDE'])
    expect(searchGrams('aaaa')).toEqual(['AAA'])
    expect(searchGrams('上海示例')).toEqual(['上海示', '海示例'])
  })

  it('indexes an order so that every part of three or more characters of its texts holds all its trigrams', () => {
    const order = { number: 'SO261122-7K3F9Q', company_name: '上海示例科技有限公司', credit_code: '91330100716105852F', contact_mobile: '13812345678' }
    const indexed = new Set(orderSearchGrams(order))
    for (const typed of ['1122-7k3', '示例科技', '716105', '2345678', 'so261122']) {
      for (const gram of searchGrams(typed)) expect(indexed.has(gram), `${typed}: ${gram}`).toBe(true)
    }
  })
})
