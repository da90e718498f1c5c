/**
 * What the customer typed into the checkout, kept in this tab (sessionStorage, per quote) so that the
 * language switch, Back and Reload bring the form back as it was: the switch loads the other
 * language's page, whose form started empty. Text fields only: never the e-mail's code, never a
 * choice the page makes itself. Forgotten once the order is placed.
 */

/** The form's own text fields (the invoice's too), by name; not the verification code. */
const KEPT_TYPES = new Set(['text', 'email', 'tel'])
const NOT_KEPT = new Set(['code'])

const keyOf = (quoteId: string) => `checkout:${quoteId}`

function keptFields(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.elements].filter((element): element is HTMLInputElement => element instanceof HTMLInputElement && KEPT_TYPES.has(element.type) && element.name !== '' && !NOT_KEPT.has(element.name))
}

/** Saves the typed fields now. */
export function saveCheckoutDraft(storage: Storage, form: HTMLFormElement, quoteId: string): void {
  const values = Object.fromEntries(keptFields(form).filter((input) => input.value !== '').map((input) => [input.name, input.value]))
  try {
    storage.setItem(keyOf(quoteId), JSON.stringify(values))
  } catch {
    // Storage full or refused (private mode): the form still works, it is only not kept.
  }
}

/** Fills the fields still empty with what was typed before in this tab. */
export function restoreCheckoutDraft(storage: Storage, form: HTMLFormElement, quoteId: string): void {
  let values: unknown
  try {
    values = JSON.parse(storage.getItem(keyOf(quoteId)) ?? '{}')
  } catch {
    return
  }
  if (typeof values !== 'object' || values === null) return
  for (const input of keptFields(form)) {
    const value = (values as Record<string, unknown>)[input.name]
    if (typeof value === 'string' && input.value === '') input.value = value
  }
}

export function forgetCheckoutDraft(storage: Storage, quoteId: string): void {
  storage.removeItem(keyOf(quoteId))
}
