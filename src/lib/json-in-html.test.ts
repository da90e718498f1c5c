import { describe, expect, it } from 'vitest'
import { jsonForScript } from './json-in-html'

describe('JSON inside a script element', () => {
  it('cannot end the script, and reads back as the same value', () => {
    const hostile = { name: '</script><img src=x onerror=alert(1)>&amp; \u2028 商务常青' }
    const written = jsonForScript(hostile)
    expect(written).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(written)).toEqual(hostile)
  })
})
