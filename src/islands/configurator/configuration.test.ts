import { describe, expect, it } from 'vitest'
import { listedOfferings, offeringDetail } from '../../../server/services/offering-presenter'
import { catalog, quote } from '../../../server/pricing/testing'
import { fromMonthlyPrice } from '../../../server/pricing/from-price'
import { monthlyCost } from '../../../server/pricing/monthly-cost'
import type { QuoteRequestInput } from '../../../server/schemas/quote-request'
import { companySizes, sizeDefaults } from '../../lib/size-defaults'
import {
  buildRequest,
  comparisonAxis,
  comparisonRequests,
  comparisonRows,
  defaultConfiguration,
  fieldOfIssue,
  usageFollowingSpend,
  type ComparisonRow,
} from './configuration'

const detail = (slug: string) => offeringDetail(catalog, catalog.offerings.get(slug)!)

describe('defaultConfiguration', () => {
  it('fills required items at typical counts for the size, clamped to the offering', () => {
    expect(defaultConfiguration(detail('fixed-mobile'), 'lt50').items).toEqual({ 'mobile-line': '3' })
    expect(defaultConfiguration(detail('fixed-mobile'), 'gt200').items).toEqual({ 'mobile-line': '5' })
    expect(defaultConfiguration(detail('fixed-broadband'), '50to200').items).toMatchObject({ 'fixed-line': '6', 'static-ip': '0' })
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

  it('starts existing-only offerings as an existing customer', () => {
    const fixedMobile = defaultConfiguration(detail('fixed-mobile'), 'lt50')
    expect(fixedMobile.status).toBe('existing')
    const evergreen = defaultConfiguration(detail('evergreen'), 'lt50')
    expect(evergreen).toMatchObject({ status: 'new', prior: ['3000', '3000', '3000'] })
  })

  it('opens every listed offering on the option and term its "from" price is the price of', () => {
    for (const offering of listedOfferings(catalog)) {
      const from = fromMonthlyPrice(catalog, offering)!
      for (const size of companySizes) {
        const opening = defaultConfiguration(detail(offering.slug), size)
        expect({ slug: offering.slug, options: opening.options, termMonths: opening.termMonths }).toEqual({
          slug: offering.slug,
          options: from.options,
          termMonths: from.termMonths,
        })
      }
    }
    // The smallest configuration of that opening costs what the "from" price says.
    const bb = detail('bb-express')
    const built = buildRequest(bb, defaultConfiguration(bb, 'lt50'), {})
    if (!('request' in built)) throw new Error('expected a request')
    const opening = quote(built.request)
    expect(monthlyCost(opening.monthly.estimatedBill, opening.prepaid)).toBe(fromMonthlyPrice(catalog, catalog.offerings.get('bb-express')!)!.monthly)
  })
})

describe('usage that follows the declared spend', () => {
  const evergreen = detail('evergreen')
  const usageSum = (usage: Record<string, string>) => Object.values(usage).reduce((total, value) => total + Number(value) * 100, 0)

  it('starts at X (the 3-month average) in the size\'s proportions, in whole yuan', () => {
    // lt50 typical usage 400 / 300 / 600 of ¥1,300
    expect(defaultConfiguration(evergreen, 'lt50').usage).toEqual({ local_voice: '923', long_distance: '692', mobile: '1385' })
    expect(usageSum(defaultConfiguration(evergreen, 'gt200').usage)).toBe(sizeDefaults.gt200.monthlySpend)
  })

  it('follows the spend as it is typed, so a ¥200,000 customer gets usage of ¥200,000, not a size-table guess', () => {
    const big = { ...defaultConfiguration(evergreen, 'lt50'), prior: ['200000', '200000', '199999'] as [string, string, string] }
    expect(usageSum(usageFollowingSpend(evergreen, big))).toBe(19_999_967) // round_half_up(59999900 / 3)
    const built = buildRequest(evergreen, { ...big, usage: usageFollowingSpend(evergreen, big) }, {})
    if (!('request' in built)) throw new Error('expected a request')
    const planA = quote({ ...built.request, options: { plan: 'A' } })
    // use ≈ X under a commitment of 1.1X: the care budget is about 0.05X, not half of a commitment nobody uses
    expect(planA.monthly.careCredit).toBe(Math.round((planA.monthly.commitment! - 19_999_967) / 2))
  })

  it('stops following once the visitor types a usage, and leaves usage alone where no spend is asked', () => {
    const typed = { ...defaultConfiguration(evergreen, 'lt50'), usageFollowsSpend: false, prior: ['9000', '9000', '9000'] as [string, string, string] }
    expect(usageFollowingSpend(evergreen, typed)).toEqual(typed.usage)
    const unreadable = { ...defaultConfiguration(evergreen, 'lt50'), prior: ['9000', '', '9000'] as [string, string, string] }
    expect(usageFollowingSpend(evergreen, unreadable)).toEqual(unreadable.usage)
    const fixedBroadband = detail('fixed-broadband')
    expect(defaultConfiguration(fixedBroadband, 'lt50').usage).toEqual({ local_voice: '400', long_distance: '300', mobile: '600' })
    const existing = { ...defaultConfiguration(fixedBroadband, 'lt50'), status: 'existing' as const, prior: ['500', '500', '500'] as [string, string, string] }
    expect(usageSum(usageFollowingSpend(fixedBroadband, existing))).toBe(50000)
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
        termMonths: 6,
        options: { plan: 'C' },
        items: { 'fixed-line': 0, 'centrex-ext': 0, 'mobile-line': 0, 'static-ip': 0 },
        customer: { status: 'new', employees: 30, priorMonthlySpend: [800000, 800000, 800000], currentMonthlySpend: 1100000 },
        usage: { local_voice: 92300, long_distance: 69200, mobile: 138500 },
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
    expect(buildRequest(evergreen, configuration, {})).toEqual({ invalid: { prior: 'not_a_number', 'usage.local_voice': 'not_a_number' } })
  })

  it('reads counts and amounts typed with full-width digits and thousands separators, and says why a third decimal is refused', () => {
    const evergreen = detail('evergreen')
    const typed = {
      ...defaultConfiguration(evergreen, 'lt50'),
      items: { 'fixed-line': '１２', 'centrex-ext': '0', 'mobile-line': ' 3 ', 'static-ip': '0' },
      prior: ['１２００', '1,200', '1 200'] as [string, string, string],
    }
    expect(buildRequest(evergreen, typed, {})).toMatchObject({
      request: { items: { 'fixed-line': 12, 'mobile-line': 3 }, customer: { priorMonthlySpend: [120000, 120000, 120000] } },
    })
    const refused = { ...typed, items: { ...typed.items, 'fixed-line': '2.5' }, prior: ['12.345', '1200', '1200'] as [string, string, string] }
    expect(buildRequest(evergreen, refused, {})).toEqual({ invalid: { 'items.fixed-line': 'not_whole', prior: 'too_many_decimals' } })
  })

  it('names an amount or a count too large for any quote, and the spend stops steering usage, instead of failing on it', () => {
    const evergreen = detail('evergreen')
    const huge = { ...defaultConfiguration(evergreen, 'lt50'), items: { 'fixed-line': '99999999999999999999', 'centrex-ext': '0', 'mobile-line': '0', 'static-ip': '0' }, prior: ['99999999999999999', '1', '1'] as [string, string, string] }
    expect(buildRequest(evergreen, huge, {})).toEqual({ invalid: { 'items.fixed-line': 'too_large', prior: 'too_large' } })
    expect(usageFollowingSpend(evergreen, huge)).toEqual(huge.usage)
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

describe('comparisonRows', () => {
  const rowsOf = (requests: QuoteRequestInput[]) => comparisonRows(requests.map((request) => quote(request)))
  const rowNames = (rows: ComparisonRow[]) => rows.map((row) => (row.name === 'etf' ? `etf after ${row.afterMonths}` : row.name))

  it('compares terms by commitment, leaving fees after 1, 3 and 6 months, the total over the term and the first year', () => {
    const evergreen = (termMonths: number): QuoteRequestInput => ({
      offering: 'evergreen',
      termMonths,
      options: { plan: 'A' },
      items: { 'bb-100': 1 },
      customer: { status: 'new', priorMonthlySpend: [100000, 100000, 100000] },
    })
    const [six, twelve] = [evergreen(6), evergreen(12)].map((request) => quote(request))
    const rows = rowsOf([evergreen(6), evergreen(12)])
    expect(rowNames(rows)).toEqual(['commitment', 'monthly', 'oneTime', 'etf after 1', 'etf after 3', 'etf after 6', 'termTotal', 'firstYear'])
    const value = (name: string) => rows.find((row) => rowNames([row])[0] === name)!.values
    expect(value('commitment')).toEqual([six.monthly.commitment, twelve.monthly.commitment])
    expect(value('etf after 1')).toEqual([six.earlyTermination[0].fee, twelve.earlyTermination[0].fee])
    // The 6-month term has run after 6 months: nothing is owed; the 12-month term still has 6 to go.
    expect(value('etf after 6')).toEqual([0, twelve.earlyTermination.find((entry) => entry.afterMonths === 6)!.fee])
    expect(value('termTotal')).toEqual([six.oneTime.total + 6 * six.monthly.estimatedBill, twelve.oneTime.total + 12 * twelve.monthly.estimatedBill])
    expect(value('firstYear')).toEqual([six.firstYearTotal, twelve.firstYearTotal])
  })

  it('leaves out what no alternative has: no commitment, no term, no early-termination fee', () => {
    const payment = (payment: string): QuoteRequestInput => ({ offering: 'bb-express', termMonths: 0, options: { payment }, items: { 'bb-100': 1 }, customer: { status: 'new' } })
    const rows = rowsOf(['monthly', 'prepay-6', 'prepay-12'].map(payment))
    expect(rowNames(rows)).toEqual(['monthly', 'oneTime', 'firstYear'])
    expect(rows[1].values).toEqual([30000, 30000 + 279000, 399600]) // install + prepayment; prepay-12 waives the install
  })

  it('lists leaving after 1 and 3 months only where the longest term is 6 months', () => {
    const terms = (termMonths: number): QuoteRequestInput => ({ offering: 'evergreen', termMonths, options: { plan: 'B' }, customer: { status: 'new', priorMonthlySpend: [60000, 60000, 60000] } })
    expect(rowNames(rowsOf([terms(6)]))).toEqual(['commitment', 'monthly', 'oneTime', 'etf after 1', 'etf after 3', 'termTotal', 'firstYear'])
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
