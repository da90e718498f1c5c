/**
 * The short reference a quote is shown by, on its proposal and in the console: the last 8 hex digits
 * of its id, upper case (the full id stays in links). A quote id is time-ordered, so its start is the
 * time it was made, shared by the quotes of the same minute; its end is random.
 */
export function quoteReference(id: string): string {
  return id.replace(/-/g, '').slice(-8).toUpperCase()
}
