import { describe, expect, it } from 'vitest'
import { freeText, line } from './text'

describe('text of a request', () => {
  it('drops the invisible direction controls that would show a unit typed as ‮1202‬ as 2021, and keeps right-to-left text', () => {
    expect(line().parse('\u202e1202\u202c')).toBe('1202')
    expect(line().parse('\u20661202\u2069 室')).toBe('1202 室')
    expect(freeText().parse('楼层\u202d 12\u202c')).toBe('楼层 12')
    expect(line().parse('شركة מבחן')).toBe('شركة מבחן')
  })

  it('counts a line break of a note as one character, as the form’s textarea does', () => {
    expect(freeText().parse('a\r\nb\rc\nd')).toBe('a\nb\nc\nd')
    expect(freeText().max(3).safeParse('a\r\nb').success).toBe(true)
  })

  it('refuses control characters and broken Unicode', () => {
    expect(line().safeParse('a\u0000b').success).toBe(false)
    expect(line().safeParse('a\nb').success).toBe(false)
    expect(freeText().safeParse('a\u0007b').success).toBe(false)
    expect(line().safeParse('\ud800').success).toBe(false)
  })
})
