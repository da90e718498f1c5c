import { describe, expect, it } from 'vitest'
import { findBuildingWithManager } from '../../server/repositories/buildings-repository'
import { useLoggedSeededDatabase } from '../support/logged-database'
import { databaseKinds } from '../support/test-database'

describe.each(databaseKinds)('a building with its manager on %s', (kind) => {
  const { database, db, statements } = useLoggedSeededDatabase(kind)

  it('reads the building and its manager in one statement, each as stored', async () => {
    statements.length = 0
    const found = await findBuildingWithManager(db(), 'bld-jinmao-tower')
    expect(statements).toHaveLength(1)
    expect(found?.building).toEqual(await database().db.selectFrom('buildings').selectAll().where('id', '=', 'bld-jinmao-tower').executeTakeFirstOrThrow())
    expect(found?.manager).toEqual(await database().db.selectFrom('building_managers').selectAll().where('id', '=', found!.building.manager_id!).executeTakeFirstOrThrow())
  })

  it('answers a building without a manager with none, and an unknown one with nothing', async () => {
    await database().db.updateTable('buildings').set({ manager_id: null }).where('id', '=', 'bld-caohejing-venture-center').execute()
    expect(await findBuildingWithManager(db(), 'bld-caohejing-venture-center')).toMatchObject({ building: { id: 'bld-caohejing-venture-center', manager_id: null }, manager: null })
    expect(await findBuildingWithManager(db(), 'bld-nowhere')).toBeUndefined()
  })
})
