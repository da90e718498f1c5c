/** Money is integer fen everywhere; rates are integer basis points (10000 = 100 %). */

export const BASIS_POINTS = 10_000

/** round_half_up(numerator / denominator) for non-negative integers, exact (refuses inputs too large to be). */
export function divideHalfUp(numerator: number, denominator: number): number {
  const exact = Number.isSafeInteger(2 * numerator + denominator)
  if (!exact || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError(`divideHalfUp expects a non-negative integer over a positive integer, got ${numerator}/${denominator}`)
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** PRICING.md `pct(a, r)`: a × r rounded half up to a whole fen, with r given in basis points. */
export function pct(amount: number, rateBasisPoints: number): number {
  return divideHalfUp(amount * rateBasisPoints, BASIS_POINTS)
}

export function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0)
}

const yuanFormats = {
  zh: new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }),
}

/**
 * ¥12,345.67 — pure formatting for labels; the UI uses the same function. Whole fen are formatted by
 * hand, exactly as Intl does for both locales (a property test holds them equal): Intl's format was most of the
 * time a quote took, its labels name amounts in every month.
 */
export function formatYuan(fen: number, locale: 'zh' | 'en' = 'zh'): string {
  if (!Number.isSafeInteger(fen)) return yuanFormats[locale].format(fen / 100)
  const magnitude = Math.abs(fen)
  const whole = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+$)/g, ',')
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(magnitude % 100).padStart(2, '0')}`
}
