import { describe, expect, it } from 'vitest'
import { generateWinBackCode, WIN_BACK_CODE_ALPHABET, WIN_BACK_CODE_BITS, WIN_BACK_CODE_PATTERN } from './win-back-code'

describe('win-back codes', () => {
  it('look like WB-XXXX-XXXX-XXXX, without characters that read as others', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(WIN_BACK_CODE_ALPHABET).not.toContain(ambiguous)
    expect(new Set(WIN_BACK_CODE_ALPHABET).size).toBe(WIN_BACK_CODE_ALPHABET.length)
    for (let index = 0; index < 200; index++) expect(generateWinBackCode()).toMatch(WIN_BACK_CODE_PATTERN)
    expect('WB-TEST-0001').not.toMatch(WIN_BACK_CODE_PATTERN)
  })

  it('carry enough chance (over 55 bits) and do not repeat, every symbol in use', () => {
    expect(WIN_BACK_CODE_BITS).toBeGreaterThan(55)
    const codes = Array.from({ length: 5000 }, generateWinBackCode)
    expect(new Set(codes).size).toBe(codes.length)
    const seen = new Set(codes.join('').replace(/WB|-/g, ''))
    expect(seen.size).toBe(WIN_BACK_CODE_ALPHABET.length)
  })
})
