import fc from 'fast-check'
import { describe, it, expect } from 'vitest'
import { BASIS_POINTS, divideHalfUp, formatYuan, pct, sum } from './money'

describe('divideHalfUp', () => {
  it('divides exactly when there is no remainder', () => {
    expect(divideHalfUp(0, 7)).toBe(0)
    expect(divideHalfUp(300000, 3)).toBe(100000)
    expect(divideHalfUp(10, 1)).toBe(10)
  })

  it('rounds a remainder below one half down', () => {
    expect(divideHalfUp(300001, 3)).toBe(100000) // 100000.33…
    expect(divideHalfUp(4, 10)).toBe(0) // 0.4
    expect(divideHalfUp(149998, 3)).toBe(49999) // 49999.33…
  })

  it('rounds a remainder above one half up', () => {
    expect(divideHalfUp(300002, 3)).toBe(100001) // 100000.67
    expect(divideHalfUp(6, 10)).toBe(1)
    expect(divideHalfUp(149999, 3)).toBe(50000) // 49999.67
  })

  it('rounds exactly one half up (not to even)', () => {
    expect(divideHalfUp(1, 2)).toBe(1) // 0.5
    expect(divideHalfUp(3, 2)).toBe(2) // 1.5
    expect(divideHalfUp(5, 2)).toBe(3) // 2.5 (banker's rounding would give 2)
    expect(divideHalfUp(19999, 2)).toBe(10000) // 9999.5
    expect(divideHalfUp(19998, 2)).toBe(9999)
  })

  it('is exact for amounts far beyond any quote (X up to ¥10,000,000 × 3 months)', () => {
    expect(divideHalfUp(3_000_000_000, 3)).toBe(1_000_000_000)
    expect(divideHalfUp(3_000_000_001, 3)).toBe(1_000_000_000)
    expect(divideHalfUp(3_000_000_002, 3)).toBe(1_000_000_001)
    // pct of a large amount: 1,000,000,001 × 0.85 = 850,000,000.85
    expect(divideHalfUp(1_000_000_001 * 8500, 10_000)).toBe(850_000_001)
  })

  it('throws a RangeError on a negative numerator', () => {
    expect(() => divideHalfUp(-1, 3)).toThrow(RangeError)
  })

  it('throws a RangeError on a negative or zero denominator', () => {
    expect(() => divideHalfUp(1, 0)).toThrow(RangeError)
    expect(() => divideHalfUp(1, -3)).toThrow(RangeError)
  })

  it('throws a RangeError where the result could not be exact', () => {
    expect(() => divideHalfUp(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError)
    expect(divideHalfUp(2 ** 51, 2)).toBe(2 ** 50)
  })

  it('throws a RangeError on non-integers and non-finite numbers', () => {
    expect(() => divideHalfUp(1.5, 3)).toThrow(RangeError)
    expect(() => divideHalfUp(3, 1.5)).toThrow(RangeError)
    expect(() => divideHalfUp(Number.NaN, 3)).toThrow(RangeError)
    expect(() => divideHalfUp(Number.POSITIVE_INFINITY, 3)).toThrow(RangeError)
    expect(() => divideHalfUp(Number.MAX_SAFE_INTEGER + 1, 3)).toThrow(RangeError)
  })
})

describe('pct (rate in basis points)', () => {
  it('uses 10000 basis points for 100 %', () => {
    expect(BASIS_POINTS).toBe(10_000)
    expect(pct(12345, 10_000)).toBe(12345)
    expect(pct(12345, 0)).toBe(0)
    expect(pct(0, 9000)).toBe(0)
  })

  it('rounds half up at the fen', () => {
    expect(pct(5, 9000)).toBe(5) // 4.5
    expect(pct(15, 8500)).toBe(13) // 12.75
    expect(pct(1, 5000)).toBe(1) // 0.5
    expect(pct(3, 5000)).toBe(2) // 1.5
    expect(pct(1, 8000)).toBe(1) // 0.8
    expect(pct(2, 8000)).toBe(2) // 1.6
    expect(pct(3, 8000)).toBe(2) // 2.4
    expect(pct(1, 1000)).toBe(0) // 0.1
    expect(pct(5, 1000)).toBe(1) // 0.5
    expect(pct(20001, 1000)).toBe(2000) // 2000.1
    expect(pct(50003, 1500)).toBe(7500) // 7500.45
    expect(pct(50010, 1500)).toBe(7502) // 7501.5
  })

  it('computes the plan multipliers of the commitment plan', () => {
    expect(pct(800000, 11000)).toBe(880000) // 1.1X
    expect(pct(800000, 15000)).toBe(1200000) // 1.5X
    expect(pct(100001, 10500)).toBe(105001) // 105001.05
    expect(pct(100010, 10500)).toBe(105011) // 105010.5
  })

  it('throws on a negative amount', () => {
    expect(() => pct(-1, 9000)).toThrow(RangeError)
  })
})

describe('sum', () => {
  it('adds integer amounts, 0 for none', () => {
    expect(sum([])).toBe(0)
    expect(sum([1, 2, 3])).toBe(6)
  })
})

describe('formatYuan', () => {
  it('formats fen as yuan with the ¥ sign, grouping and two decimals', () => {
    expect(formatYuan(1234567)).toBe('¥12,345.67')
    expect(formatYuan(1234567, 'en')).toBe('¥12,345.67')
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatYuan(5)).toBe('¥0.05')
    expect(formatYuan(39960)).toBe('¥399.60')
    expect(formatYuan(399600)).toBe('¥3,996.00')
    expect(formatYuan(-150)).toBe('-¥1.50')
  })

  it('formats every whole amount exactly as Intl does, in both locales', () => {
    const intl = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 })
    const zh = intl('zh-CN')
    const en = intl('en-US')
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        expect(formatYuan(fen, 'zh')).toBe(zh.format(fen / 100))
        expect(formatYuan(fen, 'en')).toBe(en.format(fen / 100))
      }),
      { numRuns: 2000 },
    )
  })
})
