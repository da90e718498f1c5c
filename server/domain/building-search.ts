/**
 * Typo-tolerant building search over a few hundred buildings: exact substrings rank first, then
 * near matches by shared characters and character pairs, which suits Chinese names typed with a
 * wrong or missing character ("金贸大厦", "恒隆") as well as misspelled English ("jinmao towr").
 */

export interface SearchableBuilding {
  id: string
  /** Names, addresses, district: every text a visitor might type part of. */
  texts: string[]
}

const MIN_SCORE = 0.5

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** The runs of `size` characters of a text (the text itself when shorter). */
function grams(text: string, size: number): string[] {
  const chars = [...text]
  return chars.length < size ? [text] : chars.slice(size - 1).map((_, index) => chars.slice(index, index + size).join(''))
}

/** Share of the query's pieces found in the text (query-side, so long addresses are not penalised). */
function coverage(queryPieces: string[], text: string, textPieces: Set<string>): number {
  if (queryPieces.length === 0) return 0
  return queryPieces.filter((piece) => textPieces.has(piece) || text.includes(piece)).length / queryPieces.length
}

function scoreText(query: string, text: string): number {
  if (text.includes(query)) return 2 + query.length / text.length
  // A Chinese character carries meaning on its own; a Latin letter matches almost anything, and so do
  // pairs of them ("ji", "in", "ao" of "jinmao" are all in "caohejing"): English is matched by threes.
  if (/^[\x00-\x7f]*$/.test(query)) return coverage(grams(query, 3), text, new Set(grams(text, 3)))
  const pairs = coverage(grams(query, 2), text, new Set(grams(text, 2)))
  return (coverage([...query], text, new Set(text)) + pairs) / 2
}

export function rankBuildings<T extends SearchableBuilding>(query: string, buildings: T[], limit: number): T[] {
  if (query.trim() === '') return buildings.slice(0, limit)
  const normalized = normalizeForSearch(query)
  if (normalized === '') return []
  return buildings
    .map((building) => ({
      building,
      score: Math.max(...building.texts.map((text) => scoreText(normalized, normalizeForSearch(text)))),
    }))
    .filter(({ score }) => score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ building }) => building)
}
