/**
 * JSON to put inside a <script> element (JSON-LD). JSON.stringify leaves `<` as it is, so a value such
 * as `</script><img …>` (a bundle name from the price book) would end the script and become markup:
 * every `<`, `>` and `&` is written as its \\u escape, which JSON readers decode back to the same text.
 * U+2028/U+2029 are escaped too (line terminators in older script parsers).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
