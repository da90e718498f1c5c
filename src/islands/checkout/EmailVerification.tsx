import { createSignal, Match, Show, Switch } from 'solid-js'
import { isValidCreditCode } from '../../../server/domain/credit-code'
import type { VerificationProof } from '../../../server/schemas/email-verification'
import { isMainlandMobile } from '../../../server/schemas/mainland-mobile'
import { api, type ApiErrorBody } from '../../lib/api-client'
import type { Lang } from '../../lib/lang'
import { fill } from '../../lib/configurator-text'
import { normaliseTyped } from '../../lib/typed-number'
import type { VerificationText } from '../../lib/verification-text'
import Field from '../configurator/Field'

interface Props {
  text: VerificationText
  errors: Record<string, string>
  lang: Lang
  label: string
  /** The e-mail field's own problem (empty, malformed, not verified), from the form. */
  error?: string
  badEmail: string
  /** The quote being ordered: with the customer's consent, their manager may follow it up if they do not order. */
  quoteId: string
  /** The address is proven: the form's "verify first" is answered. */
  onVerified: () => void
}

type State =
  | { step: 'idle' }
  | { step: 'sent'; id: string; email: string; problem?: string }
  | { step: 'verified'; id: string; email: string; code: string }
  | { step: 'expired'; email: string; problem: string }

export interface EmailVerificationControl {
  /** The proof the order carries for this address: confirmed, or a code typed but not yet confirmed. */
  proof: (email: string) => VerificationProof | undefined
}

const looksLikeEmail = (value: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)

/**
 * The contact e-mail with its proof: the customer sends themselves a 6-digit code and types it back,
 * so the store only ever writes to an address its customer reads.
 */
export default function EmailVerification(props: Props & { expose: (control: EmailVerificationControl) => void }) {
  const t = props.text
  const [state, setState] = createSignal<State>({ step: 'idle' })
  const [busy, setBusy] = createSignal(false)
  const [fieldProblem, setFieldProblem] = createSignal<string>()
  let emailInput!: HTMLInputElement
  let codeInput: HTMLInputElement | undefined
  let consentInput!: HTMLInputElement
  const typedCode = () => normaliseTyped(codeInput?.value.trim() ?? '')
  const email = () => emailInput.value.trim()
  const errorOf = async (response: Response) => ((await response.json()) as unknown as ApiErrorBody).error

  props.expose({
    proof: (address) => {
      const now = state()
      if (now.step === 'verified' && now.email === address) return { id: now.id, code: now.code }
      if (now.step === 'sent' && now.email === address && /^\d{6}$/.test(typedCode())) return { id: now.id, code: typedCode() }
      return undefined
    },
  })

  /** What the form above holds, for the manager who follows the quote up: only what is filled in and valid. */
  const followUpDetails = () => {
    const form = emailInput.form
    const value = (name: string) => String((form?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim()
    const kept = (typed: string, valid: (text: string) => boolean = () => true) => (typed && valid(typed) ? typed : undefined)
    // Digits and letters from a Chinese input method come full-width: the numbers are sent as ASCII.
    return {
      quoteId: props.quoteId,
      company: kept(value('companyName')),
      contactName: kept(value('contactName')),
      mobile: kept(normaliseTyped(value('mobile')), isMainlandMobile),
      creditCode: kept(normaliseTyped(value('creditCode')), isValidCreditCode),
      buildingId: kept(value('building')),
    }
  }

  const send = async () => {
    if (!looksLikeEmail(email())) {
      setFieldProblem(props.badEmail)
      emailInput.focus()
      return
    }
    setFieldProblem(undefined)
    setBusy(true)
    try {
      const consent = consentInput.checked
      const response = await api.verifications.$post({ json: { email: email(), lang: props.lang, consent, ...(consent ? { followUp: followUpDetails() } : {}) } })
      if (!response.ok) {
        setFieldProblem(props.errors[(await errorOf(response)).code] ?? props.errors.internal_error)
        return
      }
      const { id } = await response.json()
      setState({ step: 'sent', id, email: email() })
      codeInput?.focus()
    } catch {
      setFieldProblem(props.errors.internal_error)
    } finally {
      setBusy(false)
    }
  }

  const confirm = async () => {
    const now = state()
    if (now.step !== 'sent') return
    if (!/^\d{6}$/.test(typedCode())) return setState({ ...now, problem: t.badCode })
    setBusy(true)
    try {
      const response = await api.verifications[':id'].confirm.$post({ param: { id: now.id }, json: { code: typedCode() } })
      if (response.ok) {
        setState({ step: 'verified', id: now.id, email: now.email, code: typedCode() })
        props.onVerified()
        // The code's field and button are gone: the keyboard goes on from the next control, not the page's top.
        return consentInput.focus()
      }
      const error = await errorOf(response)
      if (error.code === 'verification_code_wrong') {
        const left = error.attemptsLeft ?? 0
        return left > 0 ? setState({ ...now, problem: fill(t.wrongCode, { left: String(left) }) }) : setState({ step: 'expired', email: now.email, problem: t.noAttemptsLeft })
      }
      if (error.code === 'verification_expired' || error.code === 'verification_not_found') return setState({ step: 'expired', email: now.email, problem: t.expired })
      setState({ ...now, problem: props.errors[error.code] ?? props.errors.internal_error })
    } catch {
      setState({ ...now, problem: props.errors.internal_error })
    } finally {
      setBusy(false)
    }
  }

  // Another address is another proof: what was sent or verified belonged to the old one.
  const emailChanged = () => {
    const now = state()
    if (now.step !== 'idle' && now.email !== email()) setState({ step: 'idle' })
  }

  return (
    <div class="verification">
      <Field id="checkout-email" label={props.label} error={fieldProblem() ?? props.error}>
        {(describedBy) => (
          <div class="verification__row">
            <input
              ref={emailInput}
              id="checkout-email"
              name="email"
              type="email"
              autocomplete="email"
              maxlength="200"
              aria-describedby={describedBy()}
              aria-invalid={fieldProblem() || props.error ? 'true' : 'false'}
              onInput={emailChanged}
            />
            <Show when={state().step !== 'verified'}>
              <button type="button" class="button button--secondary" data-testid="send-code" disabled={busy()} onClick={send}>
                {busy() && state().step !== 'sent' ? t.sendingCode : state().step === 'idle' ? t.send : t.resend}
              </button>
            </Show>
          </div>
        )}
      </Field>
      <label class="checkout__accept verification__consent">
        <input ref={consentInput} type="checkbox" name="followUpConsent" data-testid="follow-up-consent" />
        <span>{t.consent}</span>
      </label>
      <Switch>
        <Match when={state().step === 'sent' && (state() as Extract<State, { step: 'sent' }>)}>
          {(sent) => (
            <>
              <p class="notice" role="status" data-testid="code-sent">{fill(t.sent, { email: sent().email })}</p>
              <Field id="checkout-code" label={t.code} hint={t.codeHint} error={sent().problem}>
                {(describedBy) => (
                  <div class="verification__row">
                    <input
                      ref={codeInput}
                      id="checkout-code"
                      name="code"
                      type="text"
                      inputmode="numeric"
                      autocomplete="one-time-code"
                      maxlength="6"
                      aria-describedby={describedBy()}
                      onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), confirm())}
                    />
                    <button type="button" class="button button--secondary" data-testid="confirm-code" disabled={busy()} onClick={confirm}>
                      {busy() ? t.confirming : t.confirm}
                    </button>
                  </div>
                )}
              </Field>
            </>
          )}
        </Match>
        <Match when={state().step === 'verified' && (state() as Extract<State, { step: 'verified' }>)}>
          {(verified) => <p class="notice notice--good" role="status" data-testid="email-verified">{fill(t.verified, { email: verified().email })}</p>}
        </Match>
        <Match when={state().step === 'expired' && (state() as Extract<State, { step: 'expired' }>)}>
          {(expired) => <p class="notice notice--bad" role="alert" data-testid="code-expired">{expired().problem}</p>}
        </Match>
      </Switch>
    </div>
  )
}
