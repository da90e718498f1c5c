import { describe, expect, it } from 'vitest'
import { buildingWithManagerQuery } from '../../server/repositories/buildings-repository'
import { bookedInstallsAtBuildingQuery } from '../../server/repositories/install-capacity-repository'
import { readInOneTrip } from '../../server/repositories/one-trip-reads'
import { useLoggedSeededDatabase } from '../support/logged-database'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('reads sent together on %s', (kind) => {
  const { db, statements } = useLoggedSeededDatabase(kind)

  it('answers each select with the rows it gives alone: one statement on PostgreSQL, one each on SQLite', async () => {
    const reads = () => ({
      // Text, integers and nulls (a building without a manager has its manager's columns null).
      managed: buildingWithManagerQuery(db(), 'bld-jinmao-tower'),
      unmanaged: db().selectFrom('buildings').select(['id', 'manager_id', 'free_fibre_ports']).where('manager_id', 'is', null).orderBy('id').limit(2),
      // A count (bigint on PostgreSQL).
      booked: bookedInstallsAtBuildingQuery(db(), 'bld-jinmao-tower', { date: '2026-12-01', slot: 'am' }),
      none: db().selectFrom('quotes').select('id').where('id', '=', 'no-such-quote'),
    })
    const alone = reads()
    const separately = {
      managed: await alone.managed.execute(),
      unmanaged: await alone.unmanaged.execute(),
      booked: await alone.booked.execute(),
      none: await alone.none.execute(),
    }
    statements.length = 0
    const together = await readInOneTrip(db(), reads())
    expect(statements).toHaveLength(kind === 'postgres' ? 1 : 4)
    expect(together.managed).toHaveLength(1)
    expect(together.managed[0].manager_row_id).not.toBeNull()
    expect(together.unmanaged.length).toBeGreaterThan(0)
    expect(together.unmanaged[0].manager_id).toBeNull()
    expect(together.none).toEqual([])
    // A count comes back a number or a numeric string, whichever way it is read: its callers take Number() of it.
    expect(Number(together.booked[0].booked)).toBe(Number(separately.booked[0].booked))
    expect({ ...together, booked: [] }).toEqual({ ...separately, booked: [] })
  })
})
