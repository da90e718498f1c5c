import { invoiceControl } from './invoice-form'

/**
 * What the customer typed and chose in the checkout, kept in this tab (sessionStorage, per quote) so
 * that the language switch, Back and Reload bring the form back as it was: the switch loads the other
 * language's page, whose form started empty. Never the e-mail's code. A choice comes back only where
 * the page still offers it (a day now past or full is not chosen again). Forgotten once the order is
 * placed.
 */

/** The form's own text fields (the invoice's too), by name; not the verification code. */
const KEPT_TYPES = new Set(['text', 'email', 'tel'])
const NOT_KEPT = new Set(['code'])

/**
 * The choices, by name, in the order they are restored: each may change what the next offers (the
 * building its days, the day its half-days, the invoice's kind its registered-details fields).
 */
const KEPT_CHOICES = ['building', 'date', 'slot', 'method', invoiceControl('kind')]

const keyOf = (quoteId: string) => `checkout:${quoteId}`

function keptFields(form: HTMLFormElement): HTMLInputElement[] {
  return [...form.elements].filter((element): element is HTMLInputElement => element instanceof HTMLInputElement && KEPT_TYPES.has(element.type) && element.name !== '' && !NOT_KEPT.has(element.name))
}

/** A choice's control: a select, or the radio buttons of one name. */
const choiceControls = (form: HTMLFormElement, name: string) =>
  [...form.elements].filter((element): element is HTMLSelectElement | HTMLInputElement => (element instanceof HTMLSelectElement || (element instanceof HTMLInputElement && element.type === 'radio')) && element.name === name)

function chosen(form: HTMLFormElement, name: string): string | undefined {
  const controls = choiceControls(form, name)
  const control = controls.find((candidate) => candidate instanceof HTMLSelectElement || candidate.checked)
  return control?.value || undefined
}

/**
 * Chooses `value` as the customer would (the page hears a change), if the page offers it. Also when
 * the control shows it already: on Back the browser may have set the control itself, without the page
 * hearing of it (a special invoice checked, and its fields not shown).
 */
function choose(form: HTMLFormElement, name: string, value: string): void {
  for (const control of choiceControls(form, name)) {
    if (control instanceof HTMLSelectElement) {
      if (![...control.options].some((option) => option.value === value && !option.disabled)) return
      control.value = value
    } else {
      if (control.value !== value || control.disabled) continue
      control.checked = true
    }
    control.dispatchEvent(new Event('change', { bubbles: true }))
    return
  }
}

/** Saves the typed fields and the choices now. */
export function saveCheckoutDraft(storage: Storage, form: HTMLFormElement, quoteId: string): void {
  const typed = keptFields(form).filter((input) => input.value !== '').map((input) => [input.name, input.value])
  const choices = KEPT_CHOICES.map((name) => [name, chosen(form, name)]).filter(([, value]) => value !== undefined)
  try {
    storage.setItem(keyOf(quoteId), JSON.stringify({ typed: Object.fromEntries(typed), choices: Object.fromEntries(choices) }))
  } catch {
    // Storage full or refused (private mode): the form still works, it is only not kept.
  }
}

/** Chooses again what was chosen before in this tab, then fills the fields still empty with what was typed. */
export function restoreCheckoutDraft(storage: Storage, form: HTMLFormElement, quoteId: string): void {
  let saved: unknown
  try {
    saved = JSON.parse(storage.getItem(keyOf(quoteId)) ?? '{}')
  } catch {
    return
  }
  const { typed, choices } = (typeof saved === 'object' && saved !== null ? saved : {}) as { typed?: unknown; choices?: unknown }
  const stringAt = (record: unknown, name: string) => {
    const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[name] : undefined
    return typeof value === 'string' ? value : undefined
  }
  for (const name of KEPT_CHOICES) {
    const value = stringAt(choices, name)
    if (value !== undefined) choose(form, name, value)
  }
  // After the choices: a special invoice's fields exist only once its kind is chosen.
  for (const input of keptFields(form)) {
    const value = stringAt(typed, input.name)
    if (value !== undefined && input.value === '') input.value = value
  }
}

export function forgetCheckoutDraft(storage: Storage, quoteId: string): void {
  storage.removeItem(keyOf(quoteId))
}
