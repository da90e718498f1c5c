import type { Asked, ImpactRef, SidePrice } from '../../../../server/catalog-management/impact/price-impact'
import { formatDate } from '../../../../server/format-date'
import type { LocalizedText } from '../../../../server/pricing/catalog-schema'
import { formatYuan } from '../../../../server/pricing/money'
import type { Lang } from '../../../lib/lang'
import { impactText } from './impact-text'

/** How the impact page writes amounts, requests and prices (shared by its tables). */

/** A change with its sign: "+¥600.00", "-¥300.00", "¥0.00". */
export const signedYuan = (fen: number, lang: Lang) => `${fen > 0 ? '+' : ''}${formatYuan(fen, lang)}`

export function sidePrice(side: SidePrice, part: 'month1' | 'firstYear', lang: Lang): string {
  return side.ok ? formatYuan(side[part], lang) : impactText[lang].refused(side.code)
}

/** A vector by its number; a stored quote by the start of its id and when it was made (two parts, shown as two lines). */
export function refLabel(ref: ImpactRef, lang: Lang): string[] {
  const text = impactText[lang]
  return ref.source === 'vector' ? [text.vector(ref.index)] : [ref.id.slice(0, 8), formatDate(ref.createdAt, lang, { time: true })]
}

/** What was asked in a line: term, options, items (by component name) and the average spend priced. */
export function askedLabel(asked: Asked, lang: Lang, componentName: (code: string) => LocalizedText | undefined): string {
  const text = impactText[lang]
  const separator = lang === 'zh' ? '，' : ', '
  return [
    text.term(asked.termMonths),
    asked.customerStatus === 'existing' ? text.existing : text.newCustomer,
    ...Object.entries(asked.options).map(([name, value]) => `${text.option[name] ?? name} ${value}`),
    ...Object.entries(asked.items).map(([code, count]) => `${componentName(code)?.[lang] ?? code}${count > 1 ? ` × ${count}` : ''}`),
    ...(asked.x === null ? [] : [text.x(formatYuan(asked.x, lang), asked.negotiated)]),
  ].join(separator)
}
