import { describe, expect, it } from 'vitest'
import { offeringDetail } from '../../../server/services/offering-presenter'
import { catalog } from '../../../server/pricing/testing'
import { buildRequest, comparisonAxis, comparisonRequests, defaultConfiguration, fieldOfIssue, parseYuan } from './configuration'

const detail = (slug: string) => offeringDetail(catalog, catalog.offerings.get(slug)!)

describe('defaultConfiguration', () => {
  it('fills required items at typical counts for the size, clamped to the offering', () => {
    expect(defaultConfiguration(detail('fixed-mobile'), 'lt50').items).toEqual({ 'mobile-line': 3 })
    expect(defaultConfiguration(detail('fixed-mobile'), 'gt200').items).toEqual({ 'mobile-line': 5 })
    expect(defaultConfiguration(detail('fixed-broadband'), '50to200').items).toMatchObject({ 'fixed-line': 6, 'static-ip': 0 })
  })

  it('leaves optional add-ons off and picks a required broadband speed by size', () => {
    expect(defaultConfiguration(detail('evergreen'), 'gt200').groups).toEqual([''])
    expect(defaultConfiguration(detail('bb-express'), 'gt200').groups).toEqual(['bb-1000'])
    expect(defaultConfiguration(detail('fixed-broadband'), 'gt200').groups).toEqual(['bb-100'])
    expect(defaultConfiguration(detail('bb-express'), 'lt50', 'bb-300').groups).toEqual(['bb-300'])
  })

  it('never starts with a speed the building cannot serve, even when preferred: the fastest it carries instead', () => {
    const slow = [{ code: 'bb-1000', maxMbps: 300, instead: 'bb-300' }]
    expect(defaultConfiguration(detail('bb-express'), 'gt200', undefined, slow).groups).toEqual(['bb-300'])
    expect(defaultConfiguration(detail('bb-express'), 'lt50', 'bb-1000', slow).groups).toEqual(['bb-300'])
    expect(defaultConfiguration(detail('bb-express'), 'lt50', undefined, slow).groups).toEqual(['bb-100'])
    expect(defaultConfiguration(detail('evergreen'), 'lt50', 'bb-1000', slow).groups).toEqual(['bb-300'])
    const nothing = [{ code: 'bb-100', maxMbps: 50 }, { code: 'bb-300', maxMbps: 50 }, { code: 'bb-1000', maxMbps: 50 }]
    expect(defaultConfiguration(detail('bb-express'), 'gt200', undefined, nothing).groups).toEqual([''])
  })

  it('starts existing-only offerings as an existing customer, with the longest term and first options', () => {
    const fixedMobile = defaultConfiguration(detail('fixed-mobile'), 'lt50')
    expect(fixedMobile.status).toBe('existing')
    const evergreen = defaultConfiguration(detail('evergreen'), 'lt50')
    expect(evergreen).toMatchObject({ status: 'new', termMonths: 12, options: { plan: 'A' }, prior: ['3000', '3000', '3000'] })
  })
})

describe('parseYuan', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['8000', 800000],
    ['1,234.5', 123450],
    ['0.01', 1],
    ['-5', 'invalid'],
    ['1.234', 'invalid'],
    ['abc', 'invalid'],
  ])('%j → %j', (text, fen) => {
    expect(parseYuan(text)).toBe(fen)
  })
})

describe('buildRequest', () => {
  it('turns the evergreen journey into the API request, with prior spend and the summed current spend', () => {
    const evergreen = detail('evergreen')
    const configuration = { ...defaultConfiguration(evergreen, 'lt50'), prior: ['8000', '8000', '8000'] as [string, string, string], current: ['6000', '5000', '', ''] }
    const built = buildRequest(evergreen, configuration, { buildingId: 'bld-jinmao-tower', attribution: { utm_source: 'baidu' } })
    expect(built).toEqual({
      request: {
        offering: 'evergreen',
        termMonths: 12,
        options: { plan: 'A' },
        items: { 'fixed-line': 0, 'centrex-ext': 0, 'mobile-line': 0, 'static-ip': 0 },
        customer: { status: 'new', employees: 30, priorMonthlySpend: [800000, 800000, 800000], currentMonthlySpend: 1100000 },
        usage: { local_voice: 40000, long_distance: 30000, mobile: 60000 },
        buildingId: 'bld-jinmao-tower',
        attribution: { utm_source: 'baidu' },
      },
    })
  })

  it('adds the chosen broadband and omits spend the offering does not need', () => {
    const bb = detail('bb-express')
    const built = buildRequest(bb, { ...defaultConfiguration(bb, 'lt50'), current: ['', '', '', ''] }, {})
    expect(built).toMatchObject({ request: { items: { 'bb-100': 1, 'static-ip': 0 }, customer: { status: 'new' } } })
    expect('request' in built && built.request.customer).not.toHaveProperty('priorMonthlySpend')
    expect('request' in built && built.request.customer).not.toHaveProperty('currentMonthlySpend')
  })

  it('names the fields whose text is not an amount instead of sending a request', () => {
    const evergreen = detail('evergreen')
    const configuration = { ...defaultConfiguration(evergreen, 'lt50'), prior: ['8000', 'x', '8000'] as [string, string, string], usage: { local_voice: '-1', long_distance: '', mobile: '' } }
    expect(buildRequest(evergreen, configuration, {})).toEqual({ invalid: { prior: true, 'usage.local_voice': true } })
  })
})

describe('comparison', () => {
  it('compares terms when there are several, else the first option with choices', () => {
    expect(comparisonAxis(detail('evergreen'))).toEqual({ kind: 'term' })
    expect(comparisonAxis(detail('bb-express'))).toEqual({ kind: 'option', name: 'payment' })
    expect(comparisonAxis(detail('shangjiale'))).toBeUndefined()
  })

  it('builds one request per alternative', () => {
    const bb = detail('bb-express')
    const built = buildRequest(bb, defaultConfiguration(bb, 'lt50'), {})
    if (!('request' in built)) throw new Error('expected a request')
    expect(comparisonRequests(bb, built.request).map(({ key, request }) => [key, request.options])).toEqual([
      ['monthly', { payment: 'monthly' }],
      ['prepay-6', { payment: 'prepay-6' }],
      ['prepay-12', { payment: 'prepay-12' }],
    ])
  })
})

describe('fieldOfIssue', () => {
  it.each([
    ['items.bb-300', 'group.0'],
    ['items.fixed-line', 'items.fixed-line'],
    ['customer.priorMonthlySpend', 'prior'],
    ['customer.priorMonthlySpend.1', 'prior'],
    ['customer.currentMonthlySpend', 'current'],
    ['customer.status', 'status'],
    ['termMonths', 'term'],
    ['options.plan', 'options.plan'],
  ])('%s → %s', (path, field) => {
    expect(fieldOfIssue(detail('fixed-broadband'), path)).toBe(field)
  })
})
