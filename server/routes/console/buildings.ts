import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ZodType, z } from 'zod'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { hasFormBody, isFormPost, readInput, sameSitePath } from '../../console/forms'
import { buildingDetail, listBuildings, setCompetitorExclusive } from '../../console/my-buildings'
import { recentTenantImports, startTenantImport, tenantImportJob, TENANT_FILE_MAX_BYTES } from '../../console/tenant-import'
import { buildingTenants, editTenant, tenantOf } from '../../console/tenants'
import { AppError } from '../../errors'
import type { AuditActor } from '../../repositories/audit-repository'
import { buildingChangeSchema, buildingListQuerySchema, tenantEditSchema, tenantListQuerySchema } from '../../schemas/console-buildings'
import type { Services } from '../../services/services'
import { issuesOf } from '../../validation'

/** Buildings and their tenants: managers their own, marketing, operations and admins all. */
const viewers = () => allow('admin', 'ops', 'marketing', 'manager')
/** Tenant lists and a building's marks are kept by marketing and the building's manager (admins too). */
const editors = () => allow('admin', 'marketing', 'manager')

const actorOf = (c: Context<ConsoleEnv>): AuditActor => ({ kind: 'staff', id: staffOf(c).user.id })

function queryOf<Schema extends ZodType>(c: Context<ConsoleEnv>, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(c.req.query())
  if (!parsed.success) throw new AppError('invalid_request', 'The filters are not valid.', issuesOf(parsed.error))
  return parsed.data
}

/** Uploads may be far larger than the API's other bodies (server/app.ts leaves them to this limit). */
const uploadLimit = bodyLimit({
  maxSize: TENANT_FILE_MAX_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', `The file is larger than ${TENANT_FILE_MAX_BYTES / 1024 / 1024} MB.`)
  },
})

/** The routes that take a file, which the API's general body limit lets through to `uploadLimit`. */
export const isTenantUpload = (method: string, path: string) => method === 'POST' && /^\/api\/console\/(buildings\/[^/]+\/)?tenant-imports\/?$/.test(path)

/** A tenant list sent as multipart/form-data (field `file`), from the console's form or a script (asking for JSON). */
async function startImport(services: Services, c: Context<ConsoleEnv>, buildingId: string | null) {
  const body = hasFormBody(c) ? await c.req.parseBody() : {}
  const file = body.file
  if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_request', 'Choose a CSV or XLSX file to import.', [{ path: 'file', message: 'a CSV or XLSX file is required' }])
  const { job, repeated } = await startTenantImport(services, staffOf(c), { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, buildingId })
  if (isFormPost(c)) {
    // Back to the page the form came from, which follows the job's progress.
    const back = new URL(sameSitePath(body.return, '/console/buildings'), 'http://site.invalid')
    for (const answer of ['done', 'error', 'field', 'import']) back.searchParams.delete(answer)
    back.searchParams.set('done', repeated ? 'import_repeated' : 'import_started')
    back.searchParams.set('import', job.id)
    return c.redirect(`${back.pathname}${back.search}`, 303)
  }
  return c.json({ job, repeated }, repeated ? 200 : 202)
}

/**
 * "My buildings" (/api/console/buildings): the list with target marks, one building's detail, its
 * competitor mark, its tenants (a manager's corrections by hand) and its tenant list imports.
 */
export function buildingsRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', viewers(), async (c) => {
      const query = queryOf(c, buildingListQuerySchema)
      return c.json(await listBuildings(services, staffOf(c), { q: query.q, district: query.district, targetOnly: query.target, page: query.page }))
    })
    .get('/:id', viewers(), async (c) => c.json(await buildingDetail(services, staffOf(c), c.req.param('id'))))
    .patch('/:id', editors(), async (c) => {
      const input = await readInput(c, buildingChangeSchema)
      const building = await setCompetitorExclusive(services, staffOf(c), actorOf(c), c.req.param('id'), input.competitorExclusive)
      c.set('formDone', 'building_saved')
      return c.json(building)
    })
    .get('/:id/tenants', viewers(), async (c) => c.json(await buildingTenants(services, staffOf(c), c.req.param('id'), queryOf(c, tenantListQuerySchema))))
    .get('/:id/tenants/:tenantId', viewers(), async (c) => c.json(await tenantOf(services, staffOf(c), c.req.param('id'), c.req.param('tenantId'))))
    .patch('/:id/tenants/:tenantId', editors(), async (c) => {
      const input = await readInput(c, tenantEditSchema)
      const tenant = await editTenant(services, staffOf(c), actorOf(c), c.req.param('id'), c.req.param('tenantId'), input)
      c.set('formDone', 'tenant_saved')
      return c.json(tenant)
    })
    .get('/:id/tenant-imports', viewers(), async (c) => c.json({ imports: await recentTenantImports(services, staffOf(c), c.req.param('id')) }))
    .post('/:id/tenant-imports', editors(), uploadLimit, (c) => startImport(services, c, c.req.param('id')))
}

/**
 * City-wide tenant lists (/api/console/tenant-imports), whose rows name their buildings (rows for a
 * building the importer does not look after are refused), and any import's progress and report.
 */
export function tenantImportsRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', viewers(), async (c) => c.json({ imports: await recentTenantImports(services, staffOf(c), null) }))
    .post('/', editors(), uploadLimit, (c) => startImport(services, c, null))
    .get('/:id', viewers(), async (c) => c.json(await tenantImportJob(services, staffOf(c), c.req.param('id'))))
}
