import { AppError } from '../../errors'
import { recordAudit } from '../../repositories/audit-repository'
import { findReleaseRow, withdrawScheduledRelease } from '../../repositories/catalog-releases-repository'
import type { StaffIdentity } from '../../console/sessions'
import type { CatalogServices } from './context'

/**
 * An approver withdraws a release before its publish time (a wrong date or area): it never applies.
 * A release already live is changed only by another approval (a rollback), so what customers were
 * quoted stays explained by the release history.
 */
export async function withdrawRelease(services: CatalogServices, staff: StaffIdentity, id: string): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const release = await findReleaseRow(trx, id)
    if (!release) throw new AppError('not_found', `There is no release ${id}.`)
    if (!(await withdrawScheduledRelease(trx, id, staff.user.id, services.now()))) {
      throw new AppError('invalid_request', 'Only a release that has not gone live can be withdrawn.', [{ path: 'release', message: 'already live, ended or withdrawn' }])
    }
    await recordAudit(
      trx,
      { actor: { kind: 'staff', id: staff.user.id }, action: 'withdraw', subject: { kind: 'catalog_release', id }, before: { publishAt: release.publish_at }, after: { withdrawn: true, catalogVersion: release.catalog_version } },
      services.now(),
    )
  })
}
