import { z } from 'zod'

// Control characters (C0, DEL, C1) have no place in a name, code or address, and NUL is refused by
// PostgreSQL itself; lone surrogates are not text at all (they cannot be stored or sent as UTF-8).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// A free-text field (a note) may hold tabs and line breaks.
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const LONE_SURROGATE = /\p{Surrogate}/u

// Bidirectional embeddings, overrides and isolates: invisible, they make "‮1202‬" show as 2021 on the
// installer's work order and in every mail. Right-to-left text itself needs none of them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

const clean = (forbidden: RegExp) => (value: string) => !forbidden.test(value) && !LONE_SURROGATE.test(value)
const withoutBidiControls = (value: string) => value.replace(BIDI_CONTROLS, '')

/** Every string of a request: one line of text without control characters or broken Unicode. */
export const line = () => z.string().overwrite(withoutBidiControls).refine(clean(CONTROL), 'control characters or broken Unicode are not allowed')

/**
 * A free-text field: as `line()`, but tabs and line breaks are allowed. A line break is one character
 * (\n), as a textarea's maxlength counts it: a form post sends each as CRLF.
 */
export const freeText = () =>
  z
    .string()
    .overwrite((value) => withoutBidiControls(value).replace(/\r\n?/g, '\n'))
    .refine(clean(CONTROL_EXCEPT_LAYOUT), 'control characters (other than tabs and line breaks) or broken Unicode are not allowed')

/** Plain-text check of a value that does not pass through a schema (a form field we only echo). */
export const isCleanLine = clean(CONTROL)

/** Any run of spaces, tabs or line breaks (pasted from a spreadsheet or a chat) as one space, and none at either end. */
export const collapseSpaces = (value: string) => value.replace(/\s+/g, ' ').trim()
