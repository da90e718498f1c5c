import { describe, expect, it } from 'vitest'
import { typedOrderNumber } from './order-number'

describe('typedOrderNumber', () => {
  it.each([
    ['SO261201-CR9CKN', 'SO261201-CR9CKN'],
    [' so261201-cr9ckn ', 'SO261201-CR9CKN'],
    ['SO261201CR9CKN', 'SO261201-CR9CKN'],
    ['ｓｏ２６１２０１ｃｒ９ｃｋｎ', 'SO261201-CR9CKN'],
    ['SO 261201 - CR9CKN', 'SO261201-CR9CKN'],
  ])('reads %j as %j', (typed, number) => {
    expect(typedOrderNumber(typed)).toBe(number)
  })

  it('leaves what is no order number as typed, cleaned', () => {
    expect(typedOrderNumber('SO2612-X')).toBe('SO2612-X')
    expect(typedOrderNumber('hello')).toBe('HELLO')
  })
})
