import { describe, expect, it } from 'vitest'
import { CARRIED_QUERY_MARKER, createLandingPageCache, isCacheableLandingRequest, MAX_CACHED_PAGES } from './landing-page-cache'

const url = (path: string) => new URL(path, 'http://shop.test')
const text = (body: Uint8Array) => new TextDecoder().decode(body)
const html = (text: string) => () => Promise.resolve(new Response(text, { status: 200, headers: { 'content-type': 'text/html', 'content-length': String(text.length) } }))
const rendering = (label: string) => html(`<h1>${label}</h1><a href="/en/bundles/evergreen${CARRIED_QUERY_MARKER}">EN</a>`)

describe('landing pages kept in memory', () => {
  it('renders a page once and serves every ad click from that rendering, each with its own query carried on', async () => {
    const cache = createLandingPageCache()
    let renders = 0
    const render = () => {
      renders++
      return rendering('Evergreen')()
    }
    const first = await cache.render('v1', url('/bundles/evergreen?utm_source=baidu&bd_vid=1'), render)
    expect(await first.text()).toBe('<h1>Evergreen</h1><a href="/en/bundles/evergreen?utm_source=baidu&#38;bd_vid=1">EN</a>')
    const kept = cache.find('v1', url('/bundles/evergreen?utm_source=baidu&bd_vid=2'))!
    expect(text(kept.bodyFor(url('/bundles/evergreen?utm_source=baidu&bd_vid=2')))).toBe('<h1>Evergreen</h1><a href="/en/bundles/evergreen?utm_source=baidu&#38;bd_vid=2">EN</a>')
    expect(text(kept.bodyFor(url('/bundles/evergreen')))).toBe('<h1>Evergreen</h1><a href="/en/bundles/evergreen">EN</a>')
    expect(renders).toBe(1)
    // The length differs per query; the kept headers must not state one.
    expect(kept.headers).toEqual({ 'content-type': 'text/html' })
  })

  it('puts a hostile query into the page as text', async () => {
    const cache = createLandingPageCache()
    await cache.render('v1', url('/'), rendering('All'))
    const hostile = url(`/?x="><script>alert(1)</script>&y='`)
    const body = text(cache.find('v1', hostile)!.bodyFor(hostile))
    // The URL has percent-encoded the quotes and brackets already; the ampersand is escaped here.
    expect(body).toBe('<h1>All</h1><a href="/en/bundles/evergreen?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&#38;y=%27">EN</a>')
  })

  it('keeps one page per filter of the bundle list, and none for parameters that change nothing', async () => {
    const cache = createLandingPageCache()
    await cache.render('v1', url('/?need=mobile&utm_source=a'), rendering('Mobiles'))
    expect(cache.find('v1', url('/?utm_source=b&need=mobile'))).toBeDefined()
    expect(cache.find('v1', url('/?need=broadband'))).toBeUndefined()
    expect(cache.find('v1', url('/'))).toBeUndefined()
  })

  it('forgets every page when another catalog version is in force', async () => {
    const cache = createLandingPageCache()
    await cache.render('v1', url('/bundles/evergreen'), rendering('Evergreen'))
    expect(cache.find('v2', url('/bundles/evergreen'))).toBeUndefined()
    expect(cache.find('v1', url('/bundles/evergreen'))).toBeUndefined()
  })

  it('keeps no error page, no page with a cookie of its own and nothing private', async () => {
    const cache = createLandingPageCache()
    const answers = [
      new Response('missing', { status: 404 }),
      new Response('mine', { status: 200, headers: { 'set-cookie': 'a=b' } }),
      new Response('private', { status: 200, headers: { 'cache-control': 'private' } }),
    ]
    for (const answer of answers) {
      const path = url(`/bundles/page-${answer.status}-${answers.indexOf(answer)}`)
      expect(await cache.render('v1', path, () => Promise.resolve(answer))).toBe(answer)
      expect(cache.find('v1', path)).toBeUndefined()
    }
  })

  it('keeps at most MAX_CACHED_PAGES pages, the oldest going first', async () => {
    const cache = createLandingPageCache()
    for (let index = 0; index <= MAX_CACHED_PAGES; index++) await cache.render('v1', url(`/bundles/b${index}`), rendering(`B${index}`))
    expect(cache.find('v1', url('/bundles/b0'))).toBeUndefined()
    expect(cache.find('v1', url(`/bundles/b${MAX_CACHED_PAGES}`))).toBeDefined()
  })

  it('only a plain GET of a landing page without a visitor’s own form state is kept', () => {
    expect(isCacheableLandingRequest('GET', url('/en/bundles/evergreen?utm_source=baidu'))).toBe(true)
    expect(isCacheableLandingRequest('POST', url('/bundles/evergreen'))).toBe(false)
    expect(isCacheableLandingRequest('GET', url('/bundles/evergreen?lead_form=abc'))).toBe(false)
    expect(isCacheableLandingRequest('GET', url('/bundles/evergreen?lead_error=rate_limited'))).toBe(false)
    expect(isCacheableLandingRequest('GET', url('/check'))).toBe(false)
  })
})
