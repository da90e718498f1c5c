import type { Context, MiddlewareHandler } from 'hono'
import type { z, ZodType } from 'zod'
import { AppError } from '../errors'
import type { ConsoleEnv } from './access'
import { issuesOf } from '../validation'

/*
 * The console's pages work without JavaScript: they post plain forms to the console API, which
 * answers a form with a redirect (303) back to a page of the console instead of JSON. PATCH and
 * DELETE arrive as POST with `?_method=` (hono/method-override, see server/app.ts).
 */

/** Form fields that steer the answer, not part of the request itself. */
const RETURN_FIELD = 'return'
export const NEXT_FIELD = 'next'
/** The answer's parameter naming a refused form's kept fields (a flash id, set by the handler as `formFlash`). */
export const FORM_FLASH_PARAM = 'form'

const SITE = 'http://site.invalid'

/** The request carries form fields: a page's form, or a script sending a file. */
export const hasFormBody = (c: Context) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('content-type') ?? '')

/** A browser's form post, answered with a redirect; a script sending a form with `Accept: application/json` is answered in JSON. */
export const isFormPost = (c: Context) => hasFormBody(c) && !/^application\/json/i.test(c.req.header('accept') ?? '')

/**
 * A path of this site to send the browser to, or the fallback. Checked as the browser will read it:
 * `//evil.example` and `/\evil.example` are addresses on other sites.
 */
export function sameSitePath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback
  const url = new URL(value, SITE)
  const path = `${url.pathname}${url.search}`
  return url.origin === SITE && new URL(path, SITE).origin === SITE && !path.startsWith('//') ? path : fallback
}

/** What a form's answer adds to its page's address: said once, on the page the form came back to. */
export const FORM_ANSWER_PARAMS = ['done', 'error', 'field', FORM_FLASH_PARAM] as const

/**
 * Runs a form post's work. Should it be refused, what was typed is kept first (`keep` stores the
 * posted fields and answers the flash's id), so that its page shows the form as it was (answerForms
 * carries the id on).
 */
export async function keepingRefusedForm<T>(c: Context<ConsoleEnv>, keep: (fields: Record<string, unknown>) => Promise<string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError && isFormPost(c)) c.set('formFlash', await keep(await c.req.parseBody({ all: true })))
    throw error
  }
}

/** `path` with the answer's query parameters set (replacing an earlier answer's). */
export function withParam(path: string, name: string, value: string, more: Record<string, string> = {}): string {
  const url = new URL(path, SITE)
  for (const answer of FORM_ANSWER_PARAMS) url.searchParams.delete(answer)
  url.searchParams.set(name, value)
  for (const [extra, text] of Object.entries(more)) url.searchParams.set(extra, text)
  return `${url.pathname}${url.search}`
}

/** A field name (or `order`) as an issue's path names it: letters only, so nothing typed ever travels in the address. */
const FIELD_NAME = /^[A-Za-z]{1,40}$/

/** The request's JSON body or form fields, validated by one schema (forms may spell values as forms do). */
export async function readInput<Schema extends ZodType>(c: Context, schema: Schema): Promise<z.infer<Schema>> {
  let body: unknown
  if (hasFormBody(c)) {
    const { [RETURN_FIELD]: _return, [NEXT_FIELD]: _next, ...fields } = await c.req.parseBody({ all: true })
    body = fields
  } else {
    body = await c.req.json().catch(() => {
      throw new AppError('invalid_request', 'The request body is not JSON.')
    })
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new AppError('invalid_request', 'The request body is not valid.', issuesOf(parsed.error))
  return parsed.data
}

/** The page a form came from (its `return` field), or the console's home. */
async function returnPath(c: Context): Promise<string> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
  return sameSitePath(form[RETURN_FIELD], '/console')
}

/**
 * For form posts: a success goes back to the form's page with `done=<what>` (set by the handler as
 * `formDone`, default `saved`), a refusal with `error=<code>` and, when the refusal names one,
 * `field=<the field's name>` (or `order` when the order no longer allows the action), so the page
 * can say what to correct; codes and names only, never what was typed (a handler that keeps the typed
 * fields stores them and sets `formFlash`, sent on as `form=<id>`).
 */
export const answerForms: MiddlewareHandler<{ Variables: { formDone: string | undefined; formFlash: string | undefined } }> = async (c, next) => {
  await next()
  if (!isFormPost(c) || c.req.method === 'GET' || c.res.status === 303) return
  const back = await returnPath(c)
  if (c.error instanceof AppError) {
    const field = c.error.issues?.[0]?.path
    const flash = c.get('formFlash')
    c.res = c.redirect(withParam(back, 'error', c.error.code, { ...(field && FIELD_NAME.test(field) ? { field } : {}), ...(flash ? { [FORM_FLASH_PARAM]: flash } : {}) }), 303)
  } else if (c.res.ok) {
    c.res = c.redirect(withParam(back, 'done', c.get('formDone') ?? 'saved'), 303)
  }
}
