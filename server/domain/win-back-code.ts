import { randomInt } from 'node:crypto'

/**
 * Win-back codes are read off a letter or a message and typed in: no character that reads as
 * another (0/O, 1/I/L). 31 symbols, 12 of them drawn with node:crypto's unbiased randomInt: about
 * 59 bits, while refused guesses are limited per client and per code (offer-code-guard).
 */
export const WIN_BACK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

const GROUPS = 3
const GROUP_LENGTH = 4

/** `WB-` and three groups of four, e.g. `WB-7K3F-9QXA-M2TD`. */
export const WIN_BACK_CODE_PATTERN = new RegExp(`^WB(-[${WIN_BACK_CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`)

export function generateWinBackCode(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => WIN_BACK_CODE_ALPHABET[randomInt(WIN_BACK_CODE_ALPHABET.length)]).join('')
  return ['WB', ...Array.from({ length: GROUPS }, group)].join('-')
}

/** The bits of chance in one code: what a guesser is up against before any rate limit. */
export const WIN_BACK_CODE_BITS = GROUPS * GROUP_LENGTH * Math.log2(WIN_BACK_CODE_ALPHABET.length)
