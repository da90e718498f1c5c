/** A mainland China mobile number: 11 digits starting 13–19 (spaces, dashes and +86 are tolerated). Zod-free, so islands can use it. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/**
 * The same rule for an HTML `pattern` attribute (the browser anchors it and compiles it with the `v`
 * flag). Passed as an expression: a backslash written in a literal Astro attribute is dropped.
 */
export const MAINLAND_MOBILE_INPUT_PATTERN = String.raw`(\+?86)?1[3-9][0-9]{9}`

export function normalizeMobile(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export function isMainlandMobile(input: string): boolean {
  return MAINLAND_MOBILE.test(normalizeMobile(input))
}
