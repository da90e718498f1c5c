import { describe, expect, it } from 'vitest'
import priceBook from '../../../../db/seed/price-book.json'
import { askedLabel } from './impact-format'
import { impactText } from './impact-text'
import { buildCatalog } from '../../../../server/pricing/catalog'
import type { PriceBookInput } from '../../../../server/pricing/catalog-schema'
import { optionLabels } from '../../../../server/pricing/rules/registry'
import type { Asked } from '../../../../server/catalog-management/impact/price-impact'

const catalog = buildCatalog('today', priceBook as PriceBookInput)
const names = {
  components: Object.fromEntries([...catalog.components.values()].map((component) => [component.code, component.name])),
  options: Object.fromEntries([...catalog.offerings.values()].map((offering) => [offering.slug, optionLabels(offering.rule)])),
}
const asked = (offering: string, options: Record<string, string>): Asked => ({ offering, termMonths: 0, options, items: {}, customerStatus: 'new', x: null, negotiated: false })

describe("an impact line's request (QA 14 #8)", () => {
  it("names each chosen option by the offering rule's label in zh and en, not by its code", () => {
    const labels = optionLabels(catalog.offerings.get('bb-express')!.rule).payment!
    for (const choice of ['monthly', 'prepay-6', 'prepay-12']) {
      const zh = askedLabel(asked('bb-express', { payment: choice }), 'zh', names)
      const en = askedLabel(asked('bb-express', { payment: choice }), 'en', names)
      expect(zh).toContain(`付款 ${labels[choice]!.zh}`)
      expect(en).toContain(`${impactText.en.option.payment} ${labels[choice]!.en}`)
      expect(zh).not.toContain(choice)
    }
  })

  it('keeps the code of a choice neither version knows', () => {
    expect(askedLabel(asked('bb-express', { payment: 'prepay-99' }), 'zh', names)).toContain('付款 prepay-99')
    expect(askedLabel(asked('no-such-offering', { plan: 'B' }), 'en', names)).toContain('B')
  })
})
