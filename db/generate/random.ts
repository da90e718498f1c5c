/** A seeded PRNG (mulberry32): the same seed gives the same city on every machine and database. */
export interface Random {
  /** A float in [0, 1). */
  next: () => number
  int: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
  /** An item chosen with the given weights (same length as items). */
  weighted: <T>(items: readonly T[], weights: readonly number[]) => T
  chance: (probability: number) => boolean
  /** Characters drawn from the alphabet. */
  text: (alphabet: string, length: number) => string
  /** A version-4-shaped UUID, so generated ids look like the ones the server writes. */
  uuid: () => string
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
  const text = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
  return {
    next,
    int,
    pick,
    weighted: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0)
      let roll = next() * total
      for (let index = 0; index < items.length; index++) {
        roll -= weights[index]
        if (roll < 0) return items[index]
      }
      return items[items.length - 1]
    },
    chance: (probability) => next() < probability,
    text,
    uuid: () => {
      const hex = text('0123456789abcdef', 32)
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
    },
  }
}
