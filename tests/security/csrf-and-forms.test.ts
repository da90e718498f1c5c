import { describe, expect, it } from 'vitest'
import { createApi } from '../../server/app'
import { findLead } from '../../server/repositories/leads-repository'
import { FORM_FLASH_MINUTES } from '../../server/repositories/form-flashes-repository'
import { CALLBACK_ERROR_PARAM, CALLBACK_FLASH_PARAM, readCallbackFlash } from '../../server/services/callback-flash'
import { createTestApi, TEST_SITE, useSeededApi } from '../support/test-api'
import { databaseKinds } from '../support/test-database'

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields),
})
const good = { company: '示例公司', name: '韩梅梅', mobile: '13912345678', note: '下午方便', return: '/check?building=bld-shanghai-tower' }

describe.each(databaseKinds)('cross-site requests and refused forms on %s', (kind) => {
  const seeded = useSeededApi(kind)

  it('refuses the callback form posted from another site, or without an Origin', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await seeded.api.request('/api/leads', form(good, { origin }))
      expect(response.status).toBe(403)
      expect((await response.json()).error.code).toBe('cross_site_request')
    }
    // The test client sends the site's Origin like a browser; the API itself, called bare, sends none.
    const bare = await createApi(seeded.api.services).request('/api/leads', form(good))
    expect(bare.status).toBe(403)
    expect(await seeded.database.db.selectFrom('leads').select('id').execute()).toEqual([])
    // The site's own page may post it.
    const own = await seeded.api.request('/api/leads', form(good, { origin: TEST_SITE }))
    expect(own.status).toBe(303)
    expect(await findLead(seeded.database.db, own.headers.get('location')!.split('/').at(-1)!)).toBeDefined()
  })

  it('leaves the signed Stripe webhook to its signature', async () => {
    const response = await seeded.api.request('/api/webhooks/stripe', form({ a: '1' }, { origin: 'https://stripe.example' }))
    expect(response.status).toBe(404) // Stripe is not configured here: the route ran, no 403.
  })

  it('sends a refused form back only to a path of this site', async () => {
    for (const target of ['/.//evil.example/phish', '//evil.example/x', '/\\evil.example/x', 'https://evil.example/', '/%2F%2Fevil.example']) {
      const refused = await seeded.api.request('/api/leads', form({ ...good, mobile: '123', return: target }))
      expect(refused.status).toBe(303)
      const location = refused.headers.get('location')!
      expect(new URL(location, TEST_SITE).origin).toBe(TEST_SITE)
    }
  })

  it('never puts what was typed into the redirect: it waits server-side under an opaque id, for minutes', async () => {
    const refused = await seeded.api.request('/api/leads', form({ ...good, mobile: '123' }))
    const back = new URL(refused.headers.get('location')!, TEST_SITE)
    expect(back.pathname).toBe('/check')
    // Opened at the refused field, which the browser focuses.
    expect(back.hash).toBe('#callback-mobile')
    for (const typed of ['示例公司', '韩梅梅', '123', '下午方便']) expect(decodeURIComponent(back.href)).not.toContain(typed)
    expect([...back.searchParams.keys()].sort()).toEqual(['building', CALLBACK_FLASH_PARAM])
    const id = back.searchParams.get(CALLBACK_FLASH_PARAM)!
    expect(await readCallbackFlash(seeded.api.services, id)).toEqual({ error: 'mobile', values: { company: '示例公司', name: '韩梅梅', mobile: '123', note: '下午方便' } })
    expect(await readCallbackFlash(seeded.api.services, 'made-up')).toBeUndefined()
    const later = createTestApi(seeded.database, new Date(seeded.api.services.now().getTime() + (FORM_FLASH_MINUTES + 1) * 60_000))
    expect(await readCallbackFlash(later.services, id)).toBeUndefined()
  })

  it('sends a form refused for volume back with the error alone, storing nothing', async () => {
    const limited = createTestApi(seeded.database, undefined, null, { limits: { leads: { points: 1, seconds: 3600 } } })
    expect((await limited.request('/api/leads', form({ ...good, mobile: '13912345001' }), '198.51.100.60')).status).toBe(303)
    const flashes = (await seeded.database.db.selectFrom('form_flashes').select('id').execute()).length
    const refused = await limited.request('/api/leads', form({ ...good, mobile: '13912345002' }), '198.51.100.60')
    expect(refused.status).toBe(303)
    const back = new URL(refused.headers.get('location')!, TEST_SITE)
    expect(back.searchParams.get(CALLBACK_ERROR_PARAM)).toBe('rate_limited')
    expect(back.hash).toBe('#callback')
    expect(decodeURIComponent(back.href)).not.toContain('13912345002')
    expect((await seeded.database.db.selectFrom('form_flashes').select('id').execute()).length).toBe(flashes)
  })
})
