/** A mainland China mobile number: 11 digits starting 13–19 (spaces, dashes and +86 are tolerated). Zod-free, so islands can use it. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** Full-width digits (a Chinese input method's) as ASCII, without spaces, dashes or +86. */
export function normalizeMobile(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
}

export function isMainlandMobile(input: string): boolean {
  return MAINLAND_MOBILE.test(normalizeMobile(input))
}
