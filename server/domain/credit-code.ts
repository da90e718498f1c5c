/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character computed from the first 17 with fixed weights, modulo 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined
  let total = 0
  for (let index = 0; index < 17; index++) {
    const value = ALPHABET.indexOf(first17[index])
    if (value < 0) return undefined
    total += value * WEIGHTS[index]
  }
  return ALPHABET[(31 - (total % 31)) % 31]
}

export function isValidCreditCode(code: string): boolean {
  const normalized = code.toUpperCase()
  return normalized.length === 18 && creditCodeCheckCharacter(normalized.slice(0, 17)) === normalized[17]
}
