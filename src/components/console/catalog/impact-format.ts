import type { ImpactNames } from '../../../../server/catalog-management/impact/draft-impact'
import type { Asked, ImpactRef, SidePrice } from '../../../../server/catalog-management/impact/price-impact'
import { quoteReference } from '../../../../server/domain/quote-reference'
import { formatDate } from '../../../../server/format-date'
import { formatYuan } from '../../../../server/pricing/money'
import type { Lang } from '../../../lib/lang'
import { impactText } from './impact-text'

/** How the impact page writes amounts, requests and prices (shared by its tables). */

/** A change with its sign: "+¥600.00", "-¥300.00", "¥0.00". */
export const signedYuan = (fen: number, lang: Lang) => `${fen > 0 ? '+' : ''}${formatYuan(fen, lang)}`

export function sidePrice(side: SidePrice, part: 'month1' | 'firstYear', lang: Lang): string {
  return side.ok ? formatYuan(side[part], lang) : impactText[lang].refused(side.code)
}

/** A vector by its number; a stored quote by its reference and when it was made (two parts, shown as two lines). */
export function refLabel(ref: ImpactRef, lang: Lang): string[] {
  const text = impactText[lang]
  return ref.source === 'vector' ? [text.vector(ref.index)] : [quoteReference(ref.id), formatDate(ref.createdAt, lang, { time: true })]
}

/**
 * What was asked in a line: term, options (each choice by the offering rule's label, "付款 预付12个月";
 * its code only when neither version knows it), items (by component name) and the average spend priced.
 */
export function askedLabel(asked: Asked, lang: Lang, names: Pick<ImpactNames, 'components' | 'options'>): string {
  const text = impactText[lang]
  const separator = lang === 'zh' ? '，' : ', '
  const choices = names.options[asked.offering] ?? {}
  return [
    text.term(asked.termMonths),
    asked.customerStatus === 'existing' ? text.existing : text.newCustomer,
    ...Object.entries(asked.options).map(([name, value]) => `${text.option[name] ?? name} ${choices[name]?.[value]?.[lang] ?? value}`),
    ...Object.entries(asked.items).map(([code, count]) => `${names.components[code]?.[lang] ?? code}${count > 1 ? ` × ${count}` : ''}`),
    ...(asked.x === null ? [] : [text.x(formatYuan(asked.x, lang), asked.negotiated)]),
  ].join(separator)
}
