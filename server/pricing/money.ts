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

/** ¥12,345.67 — pure formatting for labels; the UI uses the same function. Formatters are costly to build, so once. */
export function formatYuan(fen: number, locale: 'zh' | 'en' = 'zh'): string {
  return yuanFormats[locale].format(fen / 100)
}
