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

function bigrams(text: string): string[] {
  const chars = [...text]
  return chars.length < 2 ? chars : chars.slice(1).map((char, index) => chars[index] + char)
}

/** Share of the query's pieces found in the text (query-side, so long addresses are not penalised). */
function coverage(queryPieces: string[], text: string, textPieces: Set<string>): number {
  if (queryPieces.length === 0) return 0
  return queryPieces.filter((piece) => textPieces.has(piece) || text.includes(piece)).length / queryPieces.length
}

function scoreText(query: string, text: string): number {
  if (text.includes(query)) return 2 + query.length / text.length
  const pairs = coverage(bigrams(query), text, new Set(bigrams(text)))
  // A Chinese character carries meaning on its own; a Latin letter matches almost anything.
  if (/^[\x00-\x7f]*$/.test(query)) return pairs
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
