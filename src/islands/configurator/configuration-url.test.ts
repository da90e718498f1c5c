import { describe, expect, it } from 'vitest'
import { catalog } from '../../../server/pricing/testing'
import { offeringDetail } from '../../../server/services/offering-presenter'
import { defaultConfiguration } from './configuration'
import { configurationFromQuery, configurationSearchParams, parseConfigurationQuery, queryOfConfiguration } from './configuration-url'

const detail = (slug: string) => offeringDetail(catalog, catalog.offerings.get(slug)!)
const fromUrl = (slug: string, search: string) => configurationFromQuery(detail(slug), parseConfigurationQuery(new URLSearchParams(search)), 'lt50')

describe('the configuration in the URL', () => {
  it('comes back as it was written', () => {
    const offering = detail('evergreen')
    const edited = {
      ...defaultConfiguration(offering, '50to200'),
      options: { plan: 'A' },
      termMonths: 6,
      groups: ['bb-300'],
      prior: ['8000', '8000.5', '9000'] as [string, string, string],
      current: ['11000', '', '200', ''],
      usage: { local_voice: '300', long_distance: '500', mobile: '300' },
      usageFollowsSpend: false,
    }
    const search = configurationSearchParams(queryOfConfiguration(offering, edited)).toString()
    expect(fromUrl('evergreen', search)).toEqual({ ...edited, current: ['11000', '', '200', ''] })
  })

  it('writes amounts as typed with grouping commas or full-width digits as plain yuan, and one mistyped as empty', () => {
    const offering = detail('evergreen')
    const typed = {
      ...defaultConfiguration(offering, 'lt50'),
      prior: ['12,500', '１２５００', '1,200.50'] as [string, string, string],
      current: ['８０００', '12.345'],
    }
    const search = configurationSearchParams(queryOfConfiguration(offering, typed))
    expect(search.get('prior')).toBe('12500,12500,1200.5')
    expect(search.get('current')).toBe('8000')
    expect(fromUrl('evergreen', search.toString())).toMatchObject({ prior: ['12500', '12500', '1200.5'], current: ['8000', '', '', ''] })
  })

  it('ignores bad and hostile values and keeps the defaults for them', () => {
    const defaults = defaultConfiguration(detail('evergreen'), 'lt50')
    const hostile = 'plan=%3Cscript%3E&term=abc&status=boss&size=huge&items=bb-300:99999,%3Cx%3E&prior=1,2&current=a&usage=1e9,NaN,0'
    expect(fromUrl('evergreen', hostile)).toEqual(defaults)
    expect(() => parseConfigurationQuery(new URLSearchParams('items=' + 'x'.repeat(10_000)))).not.toThrow()
  })

  it('takes only what the offering allows: known values, counts within limits, a group member the building serves', () => {
    const offering = detail('fixed-broadband')
    const configuration = configurationFromQuery(
      offering,
      parseConfigurationQuery(new URLSearchParams('term=36&plan=Z&items=fixed-line:99,bb-300:1,unknown-thing:3')),
      'lt50',
      undefined,
      [{ code: 'bb-300', maxMbps: 100, instead: 'bb-100' }],
    )
    expect(configuration.termMonths).toBe(defaultConfiguration(offering, 'lt50').termMonths)
    expect(configuration.items['fixed-line']).toBe('8')
    expect(configuration.items).not.toHaveProperty('unknown-thing')
    expect(configuration.groups).toEqual(['bb-100'])
  })
})
