import { describe, expect, it } from 'vitest'
import { localizedText } from './primitives'

describe('price-book text', () => {
  it('refuses direction overrides, control characters and text longer than 300 characters', () => {
    expect(localizedText.safeParse({ zh: '商务常青', en: 'Business Evergreen' }).success).toBe(true)
    expect(localizedText.safeParse({ zh: '商务\u202e常青', en: 'x' }).success).toBe(false)
    expect(localizedText.safeParse({ zh: '商务常青', en: 'Ever\u2067green' }).success).toBe(false)
    expect(localizedText.safeParse({ zh: '商务\n常青', en: 'x' }).success).toBe(false)
    expect(localizedText.safeParse({ zh: '长'.repeat(301), en: 'x' }).success).toBe(false)
  })
})
