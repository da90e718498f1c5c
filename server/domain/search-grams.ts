/**
 * The queue's free-text search finds orders by any part of their number, company name, credit code
 * or mobile. A part in the middle of a text is something no B-tree can seek, and scanning 100,000
 * orders for a rare one takes hundreds of milliseconds; so every order is indexed under the
 * three-character pieces (trigrams) of those texts, and a search first narrows to the orders holding
 * its rarest piece. Texts are compared as staff type them: NFKC (full-width is ASCII), upper case,
 * without spaces, dashes or brackets.
 */
export const SEARCH_GRAM_LENGTH = 3

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').replace(/[\s\-()（）]/g, '').toUpperCase()
}

/** The distinct trigrams of each text (a trigram never spans two texts). */
export function searchGrams(...texts: string[]): string[] {
  const grams = new Set<string>()
  for (const text of texts) {
    const characters = [...normalizeForSearch(text)]
    for (let start = 0; start + SEARCH_GRAM_LENGTH <= characters.length; start++) grams.add(characters.slice(start, start + SEARCH_GRAM_LENGTH).join(''))
  }
  return [...grams]
}

/** The texts of an order that search finds it by. */
export function orderSearchGrams(order: { number: string; company_name: string; credit_code: string; contact_mobile: string }): string[] {
  return searchGrams(order.number, order.company_name, order.credit_code, order.contact_mobile)
}
