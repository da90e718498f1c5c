import type { Component } from './catalog-schema'
import { formatYuan } from './money'
import type { LocalizedText } from './primitives'

export type Text = LocalizedText

export function text(zh: string, en: string): Text {
  return { zh, en }
}

export function componentLabel(component: Component, count: number, suffix?: Text): Text {
  const quantity = count > 1 ? ` × ${count}` : ''
  return text(
    `${component.name.zh}${quantity}${suffix ? `（${suffix.zh}）` : ''}`,
    `${component.name.en}${quantity}${suffix ? ` (${suffix.en})` : ''}`,
  )
}

export function yuan(fen: number): Text {
  return text(formatYuan(fen, 'zh'), formatYuan(fen, 'en'))
}

/** 11000 basis points → "1.1". */
export function multiplier(basisPoints: number): string {
  return String(basisPoints / 10_000)
}

/** 1500 basis points → "15%". */
export function percent(basisPoints: number): string {
  return `${basisPoints / 100}%`
}

/** A rate paid, as a discount in the customer's words: 8500 → "8.5折" / "15% off". */
export function discount(paidRateBp: number): Text {
  return text(`${paidRateBp / 1000}折`, `${percent(10_000 - paidRateBp)} off`)
}

/** "after 1 month", "after 3 months": English plurals written once. */
export function months(count: number): Text {
  return text(`${count}个月`, `${count} month${count === 1 ? '' : 's'}`)
}
