import { isDeepStrictEqual } from 'node:util'
import type { Catalog } from '../../pricing/catalog'
import type { Offering } from '../../pricing/catalog-schema'
import { customerStatusNames } from '../../pricing/customer-status-names'
import { describeOffering } from '../../pricing/describe-offering'
import { fromMonthlyPrice } from '../../pricing/from-price'
import { months, text, yuan, type Text } from '../../pricing/labels'
import { kindOf } from '../../pricing/rules/registry'

/**
 * What a customer reads about each offering a draft changes, today and in the draft, part by part,
 * so a page can show them side by side and mark what differs. Pure; every word comes from the data
 * through the same functions the landing page and quotes use (describeOffering, fromMonthlyPrice).
 */

/** A line of text; `detail` is a FAQ answer or what a "from" price is the price of. */
export interface TextLine {
  text: Text
  detail?: Text
}

/** A line and whether the other side lacks it word for word (in either language). */
export interface MarkedLine extends TextLine {
  changed: boolean
}

/** Landing page parts, in its order, then the contract's. */
export const landingParts = ['name', 'audience', 'from', 'highlights', 'price', 'faq'] as const
export const contractParts = ['listing', 'eligibility', 'termLengths', 'terms', 'earlyTermination'] as const
export type TextPartKey = (typeof landingParts)[number] | (typeof contractParts)[number]

export interface TextPart {
  key: TextPartKey
  group: 'landing' | 'contract'
  today: MarkedLine[]
  draft: MarkedLine[]
  differs: boolean
}

export interface OfferingTextComparison {
  slug: string
  /** changed: the offering's data or a component it uses differs (its words may still read the same). */
  change: 'changed' | 'added' | 'removed'
  name: Text
  textsDiffer: boolean
  parts: TextPart[]
}

/** Everything the landing page and the contract say of an offering, as lines per part. */
export function offeringTexts(catalog: Catalog, offering: Offering): Record<TextPartKey, TextLine[]> {
  const description = describeOffering(catalog, offering)
  const from = fromMonthlyPrice(catalog, offering)
  const lines = (texts: Text[]) => texts.map((line) => ({ text: line }))
  // describeOffering ends the terms with the early-termination rule in words.
  const terms = description.terms.slice(0, -1)
  const earlyTermination = description.terms.slice(-1)
  const statuses = offering.eligibility.statuses.map((status) => customerStatusNames[status])
  const priorSpend = offering.eligibility.priorSpendRequiredFor.map((status) => customerStatusNames[status])
  return {
    name: [{ text: offering.name }],
    audience: [{ text: offering.audience }],
    from: from ? [{ text: text(`每月 ${yuan(from.monthly).zh} 起`, `From ${yuan(from.monthly).en} a month`), detail: from.basis }] : [],
    highlights: lines(description.highlights),
    price: lines(description.price),
    faq: description.faq.map((entry) => ({ text: entry.question, detail: entry.answer })),
    listing: [{ text: offering.listed ? text('在网站上公开列出', 'Listed on the site') : text('不公开，仅限持优惠码的客户', 'Unlisted: offer code holders only') }],
    eligibility: [
      { text: text(`适用于${statuses.map((name) => name.zh).join('、')}`, `For ${statuses.map((name) => name.en).join(' and ')}`) },
      ...(priorSpend.length > 0
        ? [{ text: text(`需申报近 3 个月的通信费：${priorSpend.map((name) => name.zh).join('、')}`, `Spend of the last 3 months declared by ${priorSpend.map((name) => name.en).join(' and ')}`) }]
        : []),
    ],
    termLengths: offering.terms.map((term) => ({ text: term === 0 ? text('无合约期', 'No contract term') : months(term) })),
    terms: lines(terms),
    earlyTermination: lines(earlyTermination),
  }
}

const lineKey = (line: TextLine) => JSON.stringify([line.text.zh, line.text.en, line.detail?.zh ?? null, line.detail?.en ?? null])

function marked(lines: TextLine[], other: TextLine[]): MarkedLine[] {
  const keys = new Set(other.map(lineKey))
  return lines.map((line) => ({ ...line, changed: !keys.has(lineKey(line)) }))
}

function parts(today: Record<TextPartKey, TextLine[]> | null, draft: Record<TextPartKey, TextLine[]> | null): TextPart[] {
  const part = (key: TextPartKey, group: TextPart['group']): TextPart => {
    const before = today?.[key] ?? []
    const after = draft?.[key] ?? []
    const todayLines = marked(before, after)
    const draftLines = marked(after, before)
    const differs = before.length !== after.length || todayLines.some((line) => line.changed) || draftLines.some((line) => line.changed)
    return { key, group, today: todayLines, draft: draftLines, differs }
  }
  return [...landingParts.map((key) => part(key, 'landing')), ...contractParts.map((key) => part(key, 'contract'))]
}

/** The components an offering can put on a bill: their names and prices are part of its words. */
function componentsOf(catalog: Catalog, offering: Offering) {
  const codes = [...offering.items.map((item) => item.code), ...kindOf(offering.rule).includedComponents(offering.rule)]
  return [...new Set(codes)].sort().map((code) => catalog.components.get(code))
}

function sameData(today: Catalog, draft: Catalog, before: Offering, after: Offering): boolean {
  return isDeepStrictEqual(before, after) && isDeepStrictEqual(componentsOf(today, before), componentsOf(draft, after))
}

/**
 * Each offering whose data differs between today's catalog and the draft, in the draft's order, then
 * the offerings the draft removes, in today's order; an added offering has only the draft's side.
 */
export function compareOfferingTexts(today: Catalog, draft: Catalog): OfferingTextComparison[] {
  const compared: OfferingTextComparison[] = []
  for (const after of draft.offerings.values()) {
    const before = today.offerings.get(after.slug)
    if (before && sameData(today, draft, before, after)) continue
    const texts = parts(before ? offeringTexts(today, before) : null, offeringTexts(draft, after))
    compared.push({ slug: after.slug, change: before ? 'changed' : 'added', name: after.name, textsDiffer: texts.some((part) => part.differs), parts: texts })
  }
  for (const before of today.offerings.values()) {
    if (draft.offerings.has(before.slug)) continue
    compared.push({ slug: before.slug, change: 'removed', name: before.name, textsDiffer: true, parts: parts(offeringTexts(today, before), null) })
  }
  return compared
}
