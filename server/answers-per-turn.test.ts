import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { answerPerTurn } from './answers-per-turn'

describe('answerPerTurn', () => {
  it('starts the handlers of requests that arrive in one turn together, in the next turn, and answers each', async () => {
    const handled: string[] = []
    const app = new Hono().use('*', answerPerTurn).get('/:name', (c) => {
      handled.push(c.req.param('name'))
      return c.text(c.req.param('name'))
    })
    const answers = ['a', 'b', 'c'].map((name) => app.request(`/${name}`))
    // Still in the turn the requests arrived in: no handler has run.
    await Promise.resolve()
    expect(handled).toEqual([])
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).text()))
    expect(bodies).toEqual(['a', 'b', 'c'])
    expect(handled).toEqual(['a', 'b', 'c'])
  })

  it('lets a request of a later turn through in the turn after it', async () => {
    const app = new Hono().use('*', answerPerTurn).get('/', (c) => c.text('ok'))
    expect(await (await app.request('/')).text()).toBe('ok')
    await new Promise((resolve) => setImmediate(resolve))
    expect(await (await app.request('/')).text()).toBe('ok')
  })

  it('passes a handler error on to the error handler', async () => {
    const app = new Hono().use('*', answerPerTurn).get('/', () => {
      throw new Error('boom')
    })
    app.onError((error, c) => c.text(`handled ${error.message}`, 500))
    const answer = await app.request('/')
    expect(answer.status).toBe(500)
    expect(await answer.text()).toBe('handled boom')
  })
})
