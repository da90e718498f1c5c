import { describe, expect, it } from 'vitest'
import { configuratorText, fill } from './configurator-text'

describe('configurator texts with a count', () => {
  const en = configuratorText('en')

  it('say "1 month" and "3 months"', () => {
    expect(fill(en.etfAfter, { m: 1 })).toBe('after 1 month')
    expect(fill(en.etfAfter, { m: 3 })).toBe('after 3 months')
    expect(fill(en.compareEtf, { m: 1 })).toBe('Leaving after 1 month costs')
    expect(fill(en.months, { n: 1 })).toBe('1 month')
    expect(fill(en.months, { n: 24 })).toBe('24 months')
    expect(fill(en.prepaidNote, { amount: '¥600.00', months: 1, monthly: '¥600.00' })).toBe('plus ¥600.00 prepaid for 1 month (¥600.00 a month)')
  })

  it('leave templates without a plural as they were', () => {
    expect(fill('{a} and {b}', { a: 1, b: 'x' })).toBe('1 and x')
    expect(fill(configuratorText('zh').etfAfter, { m: 1 })).toContain('1')
  })
})
