import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseKind } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { createRateLimits, type RateLimits } from '../../server/services/rate-limits'
import { generousLimits } from '../support/generous-limits'
import { createEmptyDatabase, databaseKinds, type TestDatabase } from '../support/test-database'

const outcomes = (takes: Promise<void>[]) => Promise.all(takes.map((take) => take.then(() => 'counted', (error: { code?: string }) => error.code)))
const tally = (results: (string | undefined)[]) => ({ counted: results.filter((r) => r === 'counted').length, refused: results.filter((r) => r === 'rate_limited').length })

function useLimits(kind: DatabaseKind) {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createEmptyDatabase(kind)
    await migrateToLatest(database.db)
  })
  afterAll(() => database?.drop())
  return () => createRateLimits(database.driver, { ...generousLimits, previews: { points: 5, seconds: 60 }, quotes: { points: 3, seconds: 60 }, offerCodes: { points: 2, seconds: 60 } }, { sweepExpired: false })
}

describe.each(databaseKinds)('rate-limit counting on %s', (kind) => {
  const limitsOf = useLimits(kind)

  it('counts requests of one address arriving together exactly: the limit, and not one more', async () => {
    const limits = limitsOf()
    expect(tally(await outcomes(Array.from({ length: 12 }, () => limits.take('previews', '203.0.113.1'))))).toEqual({ counted: 5, refused: 7 })
    // Other rules and other addresses of the same moment count on their own.
    const mixed = await outcomes([...Array.from({ length: 4 }, () => limits.take('quotes', '203.0.113.1')), limits.take('previews', '203.0.113.2')])
    expect(mixed).toEqual(['counted', 'counted', 'counted', 'rate_limited', 'counted'])
  })

  it('counts a key longer than the table holds (a long e-mail address) without failing the requests counted with it', async () => {
    const limits = limitsOf()
    const longAddress = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.cn`
    const burst = [...Array.from({ length: 6 }, () => limits.take('previews', longAddress)), limits.take('previews', '203.0.113.4')]
    expect(await outcomes(burst)).toEqual(['counted', 'counted', 'counted', 'counted', 'counted', 'rate_limited', 'counted'])
    await expect(limits.take('previews', longAddress)).rejects.toMatchObject({ code: 'rate_limited' })
    // Another long key that shares the first 255 characters is counted on its own.
    expect(await outcomes([limits.take('previews', `${longAddress}x`)])).toEqual(['counted'])
  })

  it('looks at the counts of several addresses at once, each its own', async () => {
    const limits = limitsOf()
    const wrongGuess = () => Promise.reject(Object.assign(new Error('wrong code'), { wrong: true }))
    const isWrong = (error: unknown) => (error as { wrong?: boolean }).wrong === true
    for (let i = 0; i < 2; i++) await limits.attempt('offerCodes', '203.0.113.5', wrongGuess, isWrong).catch(() => undefined)
    const ran: string[] = []
    const guess = (address: string) => limits.attempt('offerCodes', address, async () => void ran.push(address), isWrong).then(() => 'ran', (error: { code?: string }) => error.code)
    // Asked together: the address with its guesses used up is refused without trying, the others try.
    expect(await Promise.all(['203.0.113.5', '203.0.113.6', '203.0.113.7'].map(guess))).toEqual(['rate_limited', 'ran', 'ran'])
    expect(ran).toEqual(['203.0.113.6', '203.0.113.7'])
  })

})

describe('rate-limit counting on postgres, by several server processes', () => {
  const limitsOf = useLimits('postgres')

  it('shares the count between them (two limiters on one database)', async () => {
    const [first, second]: RateLimits[] = [limitsOf(), limitsOf()]
    const takes = Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? first : second).take('previews', '203.0.113.3'))
    expect(tally(await outcomes(takes))).toEqual({ counted: 5, refused: 5 })
    await expect(first.take('previews', '203.0.113.3')).rejects.toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) })
  })
})
