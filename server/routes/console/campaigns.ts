import { Hono, type Context } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { campaignCsvName, campaignList, campaignReportCsv, campaignWithReport, createCampaign, editCampaign } from '../../console/campaign-desk'
import { saveCampaignForm } from '../../console/campaign-form-flash'
import { isFormPost, keepingRefusedForm, readInput, sameSitePath, withParam } from '../../console/forms'
import { shanghaiDate } from '../../domain/working-days'
import { campaignCsvQuerySchema, campaignSchema } from '../../schemas/console-campaigns'
import type { Services } from '../../services/services'

/** Marketing runs campaigns (admins too); a building manager reads those aimed at their buildings, with their buildings' figures. */
const readers = () => allow('marketing', 'admin', 'manager')
const planners = () => allow('marketing', 'admin')

/** A form post goes on to the campaign's report page, in the language of the page it came from. */
async function toReport(c: Context<ConsoleEnv>, id: string, done: string) {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  const from = sameSitePath(form.return, '/console/campaigns')
  const prefix = from.startsWith('/en/') ? '/en' : ''
  return c.redirect(withParam(`${prefix}/console/campaigns/${id}`, 'done', done), 303)
}

/** A refused form post keeps what was typed, so its page shows the form as it was (see answerForms). */
const keepingRefusedCampaignForm = <T>(c: Context<ConsoleEnv>, services: Services, work: () => Promise<T>): Promise<T> =>
  keepingRefusedForm(c, (fields) => saveCampaignForm(services, staffOf(c).user.id, fields), work)

/**
 * Campaigns (/api/console/campaigns): the list, creating and editing one, its results (JSON) and the
 * same results as CSV. A campaign outside a manager's buildings is 404.
 */
export function campaignsRoutes(services: Services) {
  return new Hono<ConsoleEnv>()
    .get('/', readers(), async (c) => c.json({ campaigns: await campaignList(services, staffOf(c)) }))
    .post('/', planners(), async (c) => {
      const created = await keepingRefusedCampaignForm(c, services, async () => createCampaign(services, staffOf(c), await readInput(c, campaignSchema)))
      return isFormPost(c) ? toReport(c, created.id, 'campaign_created') : c.json(created, 201)
    })
    .get('/:id', readers(), async (c) => c.json(await campaignWithReport(services, staffOf(c), c.req.param('id'))))
    .patch('/:id', planners(), async (c) => {
      const edited = await keepingRefusedCampaignForm(c, services, async () => editCampaign(services, staffOf(c), c.req.param('id'), await readInput(c, campaignSchema)))
      return isFormPost(c) ? toReport(c, edited.id, 'campaign_saved') : c.json(edited)
    })
    .get('/:id/report.csv', readers(), async (c) => {
      const { lang } = campaignCsvQuerySchema.parse(c.req.query())
      const result = await campaignWithReport(services, staffOf(c), c.req.param('id'))
      const name = campaignCsvName(result.campaign, shanghaiDate(services.now()))
      return c.body(campaignReportCsv(result, lang), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` })
    })
}
