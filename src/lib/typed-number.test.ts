import { describe, expect, it } from 'vitest'
import { normaliseTyped, parseCount, parseYuan } from './typed-number'

describe('parseYuan', () => {
  it.each([
    ['8000', 800000],
    ['１２００', 120000],
    ['1,200', 120000],
    ['1，200', 120000],
    ['1 200', 120000],
    ['1\u3000200', 120000],
    [' 1,234.5 ', 123450],
    ['１２００．５', 120050],
    ['0.01', 1],
    ['12.', 1200],
    ['1,234,567.89', 123456789],
  ])('%j is %j fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ kind: 'number', value: fen })
  })

  it.each(['', '   ', '\u3000'])('%j is not given', (text) => {
    expect(parseYuan(text)).toEqual({ kind: 'empty' })
  })

  it('refuses a third decimal, saying so: money is counted in fen', () => {
    expect(parseYuan('12.345')).toEqual({ kind: 'invalid', problem: 'too_many_decimals' })
    expect(parseYuan('１２．３４５')).toEqual({ kind: 'invalid', problem: 'too_many_decimals' })
  })

  it.each(['-5', 'abc', '1,2', '12,34', '1.2.3', '¥100', '1e3', '.5'])('%j is not an amount', (text) => {
    expect(parseYuan(text)).toEqual({ kind: 'invalid', problem: 'not_a_number' })
  })

  it('takes up to the largest amount asked for and refuses more, however many digits', () => {
    expect(parseYuan('10,000,000', 1_000_000_000)).toEqual({ kind: 'number', value: 1_000_000_000 })
    for (const text of ['10000000.01', '99999999999999999', '１'.repeat(40)]) expect(parseYuan(text, 1_000_000_000), text).toEqual({ kind: 'invalid', problem: 'too_large' })
    // Without a limit, an amount is still an exact integer of fen.
    expect(parseYuan('90071992547409.91')).toEqual({ kind: 'number', value: Number.MAX_SAFE_INTEGER })
    expect(parseYuan('99999999999999999')).toEqual({ kind: 'invalid', problem: 'too_large' })
  })
})

describe('parseCount', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    [' 3 ', 3],
    ['1,200', 1200],
    ['3.0', 3],
    ['0', 0],
  ])('%j is %j', (text, count) => {
    expect(parseCount(text)).toEqual({ kind: 'number', value: count })
  })

  it('takes up to the most asked for and refuses more, however many digits', () => {
    expect(parseCount('1000', 1000)).toEqual({ kind: 'number', value: 1000 })
    for (const text of ['1001', '99999999999999999999']) expect(parseCount(text, 1000), text).toEqual({ kind: 'invalid', problem: 'too_large' })
    expect(parseCount('99999999999999999999')).toEqual({ kind: 'invalid', problem: 'too_large' })
  })

  it('refuses a fraction and text', () => {
    expect(parseCount('2.5')).toEqual({ kind: 'invalid', problem: 'not_whole' })
    expect(parseCount('two')).toEqual({ kind: 'invalid', problem: 'not_a_number' })
    expect(parseCount('')).toEqual({ kind: 'empty' })
  })
})

describe('normaliseTyped', () => {
  it('turns full-width digits and letters into ASCII and drops spaces', () => {
    expect(normaliseTyped('１３８ ０００１ ３８００')).toBe('13800013800')
    expect(normaliseTyped('９１３１０１１５ＭＡ１Ｋ')).toBe('91310115MA1K')
  })
})
