import { describe, expect, it } from 'vitest'
import { creditCodeCheckCharacter, isValidCreditCode } from './credit-code'

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91330100716105852F', '91110000802100433B', '91440300708461136T'])('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
    expect(isValidCreditCode(code.toLowerCase())).toBe(true)
  })

  it('refuses a wrong check character, a changed digit, a wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91330100716105852G')).toBe(false)
    expect(isValidCreditCode('91330100716105853F')).toBe(false)
    expect(isValidCreditCode('9133010071610585F')).toBe(false)
    expect(isValidCreditCode('91330100716105852FF')).toBe(false)
    expect(isValidCreditCode('9133010071610585IF')).toBe(false)
  })

  it('computes a check character of 0 where the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0')
    expect(creditCodeCheckCharacter('0000000000000000')).toBeUndefined()
  })
})
