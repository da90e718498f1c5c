import { Hono, type Context } from 'hono'
import { allow, staffOf, type ConsoleEnv } from '../../console/access'
import { FORM_FLASH_PARAM, hasFormBody, isFormPost, NEXT_FIELD, sameSitePath, withParam } from '../../console/forms'
import { formFieldsOf } from '../../catalog-management/editor/codec'
import { submitEditorForm, type EditorTarget } from '../../catalog-management/editor/editor-form'
import { saveEditorFlash } from '../../catalog-management/editor/form-flash'
import { AppError } from '../../errors'
import type { Services } from '../../services/services'

/** The editor form's own fields, not part of the price book. */
const RETURN_FIELD = 'return'
const REVISION_FIELD = 'revision'
const OP_FIELD = '_op'

/**
 * The draft editor's form posts (/api/console/catalog/drafts/:id/offerings/:slug and /components):
 * one offering, or the component list, replaced in the draft's price book; a row button ("add row",
 * "remove") changes the form only. Marketing and admins edit; the page's form comes back to its page:
 * saved (`done=saved`), or kept as typed (`form=<flash id>`) with what to correct, and with
 * `error=<code>` when the save was refused. Mounted beside the drafts' own routes under the same prefix.
 */
export function catalogDraftEditingRoutes(services: Services) {
  const editors = () => allow('marketing', 'admin')

  async function handle(c: Context<ConsoleEnv>, target: EditorTarget) {
    if (!hasFormBody(c)) throw new AppError('invalid_request', 'The editor takes its form fields; a whole book is saved by the drafts API.')
    const body = await c.req.parseBody({ all: true })
    const one = (name: string) => [body[name]].flat()[0]
    const revision = Number(one(REVISION_FIELD))
    if (!Number.isSafeInteger(revision)) throw new AppError('invalid_request', 'The form names no revision.', [{ path: REVISION_FIELD, message: 'required' }])
    const op = one(OP_FIELD)
    const fields = formFieldsOf(body, [RETURN_FIELD, NEXT_FIELD, REVISION_FIELD, OP_FIELD])
    const staff = staffOf(c)
    const outcome = await submitEditorForm(services, staff, c.req.param('id') ?? '', target, { fields, revision, op: typeof op === 'string' ? op : undefined })
    if (outcome.kind === 'saved') {
      c.set('formDone', 'saved')
      return c.json({ id: outcome.draft.id, revision: outcome.draft.revision })
    }
    const flash = await saveEditorFlash(services, { by: staff.user.id, ...outcome.flash })
    if (outcome.error) {
      if (isFormPost(c)) c.set('formFlash', flash)
      throw outcome.error
    }
    // A row button: back to the form as typed, at the list it changed.
    const back = sameSitePath(one(RETURN_FIELD), '/console')
    if (!isFormPost(c)) return c.json({ form: flash })
    return c.redirect(`${withParam(back, FORM_FLASH_PARAM, flash)}${outcome.focus ? `#f-${outcome.focus}` : ''}`, 303)
  }

  return new Hono<ConsoleEnv>()
    .post('/:id/offerings/:slug', editors(), async (c) => handle(c, { kind: 'offering', slug: c.req.param('slug') }))
    .post('/:id/components', editors(), async (c) => handle(c, { kind: 'components' }))
}
