import { describe, expect, it } from 'vitest'
import { formatYuan } from '../../../server/pricing/money'
import { catalog } from '../../../server/pricing/testing'
import { offeringDetail } from '../../../server/services/offering-presenter'
import { configuratorText, fill } from '../../lib/configurator-text'
import { refusalText, typedProblemText } from './refusal-text'

const detail = (slug: string) => offeringDetail(catalog, catalog.offerings.get(slug)!)
const context = { counts: {}, declaredAverage: undefined, smallerBundles: [{ href: '/bundles/bb-express', name: '网络快车' }], callbackHref: '#callback' }

describe('refusalText', () => {
  it('names the count limits of the offering’s own data, in zh and en', () => {
    const offering = detail('fixed-broadband')
    const line = offering.components.find((component) => component.code === 'fixed-line')!
    for (const lang of ['zh', 'en'] as const) {
      const t = configuratorText(lang)
      const message = refusalText(offering, { code: 'invalid_configuration', message: '' }, 'items.fixed-line', t, { ...context, counts: { 'fixed-line': line.max + 4 } })
      expect(message.text).toBe(fill(t.limits.countRange, { name: line.name[lang], min: line.min, max: line.max }))
      expect(message.text).toContain(`${line.min}–${line.max}`)
    }
  })

  it('says which companion a component needs when its count is within limits', () => {
    const offering = detail('evergreen')
    const t = configuratorText('en')
    const message = refusalText(offering, { code: 'invalid_configuration', message: '' }, 'items.static-ip', t, { ...context, counts: { 'static-ip': 1 } })
    expect(message.text).toBe('Static public IP needs broadband in the same order.')
  })

  it('names the spend minimum and what was declared, and links to the bundles that fit', () => {
    const offering = detail('evergreen')
    const t = configuratorText('zh')
    const message = refusalText(offering, { code: 'below_minimum', message: '' }, 'customer.priorMonthlySpend', t, { ...context, declaredAverage: 40000 })
    expect(message.text).toContain(formatYuan(offering.averageSpend!.min, 'zh'))
    expect(message.text).toContain(formatYuan(40000, 'zh'))
    expect(message.links).toEqual(context.smallerBundles)
  })

  it('sends a spend above the maximum to the building manager’s callback form', () => {
    const offering = detail('evergreen')
    const t = configuratorText('en')
    const message = refusalText(offering, { code: 'refer_to_manager', message: '' }, 'customer.priorMonthlySpend', t, context)
    expect(message.text).toContain(formatYuan(offering.averageSpend!.max, 'en'))
    expect(message.links).toEqual([{ href: '#callback', name: t.limits.askManager }])
  })

  it('falls back to the code’s sentence for anything else', () => {
    const t = configuratorText('en')
    expect(refusalText(detail('bb-express'), { code: 'invalid_term', message: '' }, 'termMonths', t, context).text).toBe(t.errors.invalid_term)
  })
})

describe('typedProblemText', () => {
  it('names the largest amount and count any quote takes, in zh and en', () => {
    expect(typedProblemText('prior', 'too_large', configuratorText('zh'))).toBe('金额过大：最多 ¥10,000,000.00，请核对')
    expect(typedProblemText('items.fixed-line', 'too_large', configuratorText('en'))).toBe('Too many: at most 1000 of one item')
    expect(typedProblemText('usage.mobile', 'not_a_number', configuratorText('en'))).toBe(configuratorText('en').typed.amount.not_a_number)
  })
})
