import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { AppError, createErrorHandler } from '../errors'
import { REQUEST_ID_HEADER, trackRequests, type CompletedRequest } from './request-tracking'

function trackedApp() {
  const completed: CompletedRequest[] = []
  const logged: { error: unknown; requestId: string | undefined }[] = []
  const app = new Hono()
  app.use('*', trackRequests((request) => completed.push(request)))
  app.get('/fails', async () => {
    await Promise.resolve()
    throw new Error('the database fell over')
  })
  app.get('/refused', () => {
    throw new AppError('quote_not_found', 'There is no quote with this id.')
  })
  app.onError(createErrorHandler((error, requestId) => logged.push({ error, requestId })))
  return { app, completed, logged }
}

describe('request ids in the logs', () => {
  it("names the failed request's id in its error line, the id the client was answered with", async () => {
    const { app, completed, logged } = trackedApp()
    const response = await app.request('/fails', { headers: { [REQUEST_ID_HEADER]: 'proxy-id_7' } })
    expect(response.status).toBe(500)
    expect(logged).toEqual([{ error: new Error('the database fell over'), requestId: 'proxy-id_7' }])
    expect(completed).toEqual([expect.objectContaining({ requestId: 'proxy-id_7', route: '/fails', status: 500 })])
  })

  it('gives a request without a usable id one of its own, in its error line and its access line alike', async () => {
    const { app, completed, logged } = trackedApp()
    await app.request('/fails', { headers: { [REQUEST_ID_HEADER]: 'x"} injected' } })
    expect(logged[0].requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(completed[0].requestId).toBe(logged[0].requestId)
  })

  it('logs nothing for a refusal the client is told about', async () => {
    const { app, logged } = trackedApp()
    expect((await app.request('/refused')).status).toBe(404)
    expect(logged).toEqual([])
  })
})
