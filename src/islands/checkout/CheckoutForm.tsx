import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { isValidCreditCode } from '../../../server/domain/credit-code'
import { installDays, type InstallDay, type InstallSlotKind } from '../../../server/domain/install-slots'
import { formatDate } from '../../../server/format-date'
import { formatYuan } from '../../../server/pricing/money'
import type { Attribution } from '../../../server/schemas/attribution'
import { isMainlandMobile } from '../../../server/schemas/mainland-mobile'
import type { OrderRequestInput } from '../../../server/schemas/order-request'
import { invoiceFields } from '../../../server/schemas/invoice-details'
import { api, type ApiErrorBody } from '../../lib/api-client'
import type { CheckoutText } from '../../lib/checkout-text'
import { fill } from '../../lib/configurator-text'
import { localePath } from '../../lib/lang'
import { normaliseTyped } from '../../lib/typed-number'
import { PLACED_ORDER_MAX_AGE_SECONDS, placedOrderCookieName } from '../../lib/placed-order-cookie'
import Field from '../configurator/Field'
import EmailVerification, { type EmailVerificationControl } from './EmailVerification'
import InvoiceFields from './InvoiceFields'
import { forgetCheckoutDraft, restoreCheckoutDraft, saveCheckoutDraft } from './checkout-draft'
import { invoiceControl, readInvoice } from './invoice-form'

export interface CheckoutBuilding {
  id: string
  name: string
  sameDayInstall: boolean
}

interface Props {
  text: CheckoutText
  quoteId: string
  amountDue: number
  buildings: CheckoutBuilding[]
  buildingId?: string
  /** The preselected building's slots with a crew still free (server-side); another building's are asked of the API. */
  installDays?: InstallDay[]
  onlineAvailable: boolean
  /** Server time, so the offered slots match what the server accepts. */
  now: string
  attribution?: Attribution
}

type Problems = Record<string, string>

/** Keeps the order's tracking token as proof that it was placed in this browser (see placed-order-cookie). */
function rememberPlacedOrder(quoteId: string, trackingUrl: string) {
  const token = new URL(trackingUrl).searchParams.get('token')
  if (!token) return
  const secure = window.location.protocol === 'https:' ? '; secure' : ''
  document.cookie = `${placedOrderCookieName(quoteId)}=${encodeURIComponent(token)}; max-age=${PLACED_ORDER_MAX_AGE_SECONDS}; path=/; samesite=lax${secure}`
}

/** Maps an API issue path to the form field that shows it. */
const fieldOf = (path: string) => {
  if (path.startsWith('invoice.')) return path
  if (path.startsWith('installSlot')) return 'date'
  const name = path.split('.').at(-1) ?? path
  return name === 'buildingId' ? 'building' : name
}

/** Refused because the district's crews are fully booked then (rather than a slot never offered). */
const slotFull = (error: ApiErrorBody['error']) => error.code === 'install_slot_unavailable' && (error.issues ?? []).some((issue) => issue.message === 'full')

/** The fields in the order they are on screen: focus goes to the first one in error. */
const fieldOrder = ['companyName', 'creditCode', 'contactName', 'mobile', 'email', 'building', 'floor', 'unit', 'date', ...invoiceFields.map(invoiceControl), 'acceptTerms']

/** The checkout form: who, where, when and how to pay. The price is the stored quote's, never sent from here. */
export default function CheckoutForm(props: Props) {
  const t = props.text
  // Restored from the back-forward cache after the order was placed: the server shows the order instead of a form.
  onMount(() => {
    const reloadIfRestored = (event: PageTransitionEvent) => event.persisted && window.location.reload()
    window.addEventListener('pageshow', reloadIfRestored)
    onCleanup(() => window.removeEventListener('pageshow', reloadIfRestored))
  })
  // What was typed and chosen in this tab comes back after the language switch, Back or Reload.
  let formElement!: HTMLFormElement
  // Outside onMount's batch, so that a restored choice shows what it brings (a special invoice's fields) before they are filled.
  onMount(() => queueMicrotask(() => restoreCheckoutDraft(sessionStorage, formElement, props.quoteId)))
  // One key per visit of this page: a retried submission is recognised, never placed twice.
  const idempotencyKey = crypto.randomUUID()
  const [buildingId, setBuildingId] = createSignal(props.buildingId ?? '')
  const [method, setMethod] = createSignal<'online' | 'invoice'>(props.onlineAvailable && props.amountDue > 0 ? 'online' : 'invoice')
  const [problems, setProblems] = createSignal<Problems>({})
  const [failure, setFailure] = createSignal<string>()
  const [sending, setSending] = createSignal(false)

  const building = () => props.buildings.find((candidate) => candidate.id === buildingId())
  // The chosen building's slots with room, as the server counts them. Until they arrive (or if they
  // cannot be had) the slots the building offers at all; the order itself is refused for a full one.
  const [room, setRoom] = createSignal<{ buildingId: string; days: InstallDay[] } | undefined>(
    props.buildingId && props.installDays ? { buildingId: props.buildingId, days: props.installDays } : undefined,
  )
  const loadRoom = async (id: string) => {
    try {
      const response = await api.buildings[':id']['install-days'].$get({ param: { id } })
      if (response.ok && buildingId() === id) setRoom({ buildingId: id, days: (await response.json()).days })
    } catch {
      // Offline for a moment: the order answers for the slot.
    }
  }
  const chooseBuilding = (id: string) => {
    setBuildingId(id)
    if (id && room()?.buildingId !== id) void loadRoom(id)
  }
  const days = createMemo(() => {
    const known = room()
    return known && known.buildingId === buildingId() ? known.days : installDays(new Date(props.now), building()?.sameDayInstall ?? false)
  })
  const [date, setDate] = createSignal('')
  const [slot, setSlot] = createSignal<InstallSlotKind>('am')
  const chosenDay = (): InstallDay | undefined => days().find((day) => day.date === date()) ?? days()[0]
  const dayLabel = (isoDate: string) => formatDate(isoDate, t.lang, { weekday: true, year: false })

  /** The refusal in the customer's words; what they chose is the quote's, so they are sent back to change it. */
  /** What a field the server refused needs, in the words the form itself uses for it. */
  const fieldSentence: Problems = {
    creditCode: t.badCreditCode,
    mobile: t.badMobile,
    email: t.badEmail,
    acceptTerms: t.mustAccept,
    ...Object.fromEntries(invoiceFields.map((field) => [invoiceControl(field), t.invoiceDetails.problems[field]])),
  }
  const failureText = (error: ApiErrorBody['error']) => {
    if (slotFull(error)) return t.slotFull
    if (error.code === 'invalid_configuration' && error.issues?.some((issue) => issue.path === 'items')) return t.noService
    const instead = error.alternatives?.[0]
    const general = t.errors[error.code] ?? t.errors.internal_error
    return instead ? `${general}${t.lang === 'zh' ? '' : ' '}${fill(t.instead, { name: instead.name[t.lang], monthly: formatYuan(instead.monthly, t.lang) })}` : general
  }

  /** Shows the problems next to their fields (what was typed stays) and takes the visitor to the first; one without a field to the notice. */
  const showProblems = (found: Problems, general?: string) => {
    setProblems(found)
    setFailure(general)
    const first = fieldOrder.find((name) => found[name])
    const target = first ? document.getElementById(`checkout-${first}`) : general ? document.getElementById('checkout-error') : undefined
    target?.focus()
  }

  const forgetProblem = (name: string) => {
    if (!problems()[name]) return
    const { [name]: _corrected, ...rest } = problems()
    setProblems(rest)
  }
  /** A field's problem goes once the visitor changes that field: a corrected field no longer says it is wrong. */
  const forgetProblemOf = (event: Event) => {
    const name = (event.target as HTMLInputElement | null)?.name
    if (name) forgetProblem(name)
  }

  let emailProof!: EmailVerificationControl

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const value = (name: string) => String(form.get(name) ?? '').trim()
    // Digits and letters from a Chinese input method come full-width; the numbers are sent as ASCII.
    const typed = (name: string) => normaliseTyped(value(name))
    const found: Problems = {}
    for (const name of ['companyName', 'creditCode', 'contactName', 'mobile', 'email', 'building', 'floor', 'unit']) if (!value(name)) found[name] = t.required
    if (value('creditCode') && !isValidCreditCode(typed('creditCode'))) found.creditCode = t.badCreditCode
    if (value('mobile') && !isMainlandMobile(typed('mobile'))) found.mobile = t.badMobile
    if (value('email') && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value('email'))) found.email = t.badEmail
    const verification = emailProof.proof(value('email'))
    if (!found.email && value('email') && !verification) found.email = t.verification.verifyFirst
    if (!form.get('acceptTerms')) found.acceptTerms = t.mustAccept
    const day = chosenDay()
    if (!day) found.date = t.noSlots
    const invoice = readInvoice(value, { name: value('companyName'), creditCode: typed('creditCode').toUpperCase() })
    if ('invalid' in invoice) for (const field of invoice.invalid) found[invoiceControl(field)] = t.invoiceDetails.problems[field]
    showProblems(found)
    if (Object.keys(found).length > 0 || !day) return
    const body: OrderRequestInput = {
      quoteId: props.quoteId,
      company: { name: value('companyName'), creditCode: typed('creditCode').toUpperCase() },
      contact: { name: value('contactName'), mobile: typed('mobile'), email: value('email') },
      verification,
      site: { buildingId: value('building'), floor: value('floor'), unit: value('unit') },
      installSlot: { date: day.date, slot: day.slots.includes(slot()) ? slot() : day.slots[0] },
      payment: { method: method() },
      ...('invoice' in invoice ? { invoice: invoice.invoice } : {}),
      acceptTerms: true,
      lang: t.lang,
      ...(props.attribution ? { attribution: props.attribution } : {}),
    }
    setSending(true)
    try {
      const response = await api.orders.$post({ json: body }, { headers: { 'Idempotency-Key': idempotencyKey } })
      if (!response.ok) {
        const { error } = (await response.json()) as unknown as ApiErrorBody
        // Ordered meanwhile (another tab, or this page restored after the order): the page says by whom and links it.
        if (error.code === 'quote_already_ordered') return window.location.reload()
        // Booked meanwhile: the slots are asked for again, so the full one is no longer offered.
        if (slotFull(error) && buildingId()) void loadRoom(buildingId())
        const byField: Problems = Object.fromEntries(
          (error.issues ?? [])
            .map((issue) => fieldOf(issue.path))
            .filter((name) => fieldOrder.includes(name))
            .map((name) => [name, (name === 'date' && slotFull(error) ? t.slotFull : fieldSentence[name]) ?? t.errors[error.code] ?? t.errors.invalid_request]),
        )
        showProblems(byField, Object.keys(byField).length === 0 || error.code !== 'invalid_request' ? failureText(error) : undefined)
        return
      }
      const order = await response.json()
      rememberPlacedOrder(props.quoteId, order.trackingUrl)
      forgetCheckoutDraft(sessionStorage, props.quoteId)
      window.location.assign(order.payment.url ?? order.trackingUrl)
    } catch {
      showProblems({}, t.errors.internal_error)
    } finally {
      setSending(false)
    }
  }

  const input = (name: string, label: string, type: string, autocomplete: string, hint?: string, extra: Record<string, string> = {}) => (
    <Field id={`checkout-${name}`} label={label} hint={hint} error={problems()[name]}>
      {(describedBy) => (
        <input id={`checkout-${name}`} name={name} type={type} autocomplete={autocomplete} aria-describedby={describedBy()} aria-invalid={problems()[name] ? 'true' : 'false'} {...extra} />
      )}
    </Field>
  )

  return (
    <form
      ref={formElement}
      class="checkout card"
      onSubmit={submit}
      onInput={(event) => {
        forgetProblemOf(event)
        saveCheckoutDraft(sessionStorage, formElement, props.quoteId)
      }}
      onChange={forgetProblemOf}
      novalidate
    >
      <fieldset>
        <legend>{t.company}</legend>
        {input('companyName', t.companyName, 'text', 'organization', undefined, { maxlength: '100' })}
        {/* 18 characters, but room for the spaces of a code pasted in groups ("9133 0100 …"): they are dropped when it is read. */}
        {input('creditCode', t.creditCode, 'text', 'off', t.creditCodeHint, { maxlength: '30', autocapitalize: 'characters', spellcheck: 'false' })}
      </fieldset>
      <fieldset>
        <legend>{t.contact}</legend>
        <div class="checkout__row">
          {input('contactName', t.contactName, 'text', 'name', undefined, { maxlength: '50' })}
          {input('mobile', t.mobile, 'tel', 'tel', undefined, { inputmode: 'tel', maxlength: '20' })}
        </div>
        <EmailVerification text={t.verification} errors={t.errors} lang={t.lang} label={t.email} badEmail={t.badEmail} error={problems().email} quoteId={props.quoteId} expose={(control) => (emailProof = control)} onVerified={() => forgetProblem('email')} />
      </fieldset>
      <fieldset>
        <legend>{t.site}</legend>
        <Field id="checkout-building" label={t.building} error={problems().building ?? problems().buildingId}>
          {(describedBy) => (
            <select id="checkout-building" name="building" aria-describedby={describedBy()} onChange={(event) => chooseBuilding(event.currentTarget.value)}>
              <option value="" selected={!buildingId()}>{t.chooseBuilding}</option>
              <For each={props.buildings}>{(candidate) => <option value={candidate.id} selected={candidate.id === buildingId()}>{candidate.name}</option>}</For>
            </select>
          )}
        </Field>
        <div class="checkout__row">
          {input('floor', t.floor, 'text', 'off', undefined, { maxlength: '20' })}
          {input('unit', t.unit, 'text', 'off', undefined, { maxlength: '30' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.slot}</legend>
        <Show when={chosenDay()} fallback={<p class="notice notice--warn" id="checkout-date" tabindex="-1" data-testid="no-install-slots">{t.noSlots}</p>}>
          {(day) => (
            <>
              <Field id="checkout-date" label={t.date} error={problems().date}>
                {(describedBy) => (
                  <select id="checkout-date" name="date" aria-describedby={describedBy()} onChange={(event) => setDate(event.currentTarget.value)}>
                    <For each={days()}>{(entry) => <option value={entry.date} selected={entry.date === day().date}>{dayLabel(entry.date)}</option>}</For>
                  </select>
                )}
              </Field>
              <div class="choices" role="radiogroup" aria-label={t.slot}>
                <For each={day().slots}>
                  {(kind) => (
                    <label class="choice">
                      <input type="radio" name="slot" value={kind} checked={(day().slots.includes(slot()) ? slot() : day().slots[0]) === kind} onChange={() => setSlot(kind)} />
                      {t[kind]}
                    </label>
                  )}
                </For>
              </div>
            </>
          )}
        </Show>
      </fieldset>
      <fieldset>
        <legend>{t.payment}</legend>
        <Show when={props.amountDue > 0} fallback={<p class="notice notice--good">{t.nothingDue}</p>}>
          <div class="choices choices--stacked">
            <label class="choice">
              <input type="radio" name="method" value="online" checked={method() === 'online'} disabled={!props.onlineAvailable} onChange={() => setMethod('online')} />
              {t.online}
            </label>
            <label class="choice">
              <input type="radio" name="method" value="invoice" checked={method() === 'invoice'} onChange={() => setMethod('invoice')} />
              {t.invoice}
            </label>
          </div>
          <Show when={!props.onlineAvailable}>
            <p class="hint" data-testid="online-unavailable">{t.onlineUnavailable}</p>
          </Show>
          <p class="checkout__due">
            {t.dueToday} <strong class="price">{formatYuan(props.amountDue, t.lang)}</strong>
          </p>
        </Show>
      </fieldset>
      <InvoiceFields text={t.invoiceDetails} problems={problems()} />
      <div class="field">
        <label class="checkout__accept">
          <input id="checkout-acceptTerms" type="checkbox" name="acceptTerms" aria-invalid={problems().acceptTerms ? 'true' : 'false'} aria-describedby={problems().acceptTerms ? 'checkout-acceptTerms-error' : undefined} />
          <span>
            {t.accept}
            {t.documents.before}
            {/* A new tab: what was typed here stays while the customer reads. */}
            <a href={localePath(t.lang, '/agreement')} target="_blank" rel="noopener" data-testid="agreement-link">{t.documents.agreement}</a>
            {t.documents.and}
            <a href={localePath(t.lang, '/privacy')} target="_blank" rel="noopener" data-testid="privacy-link">{t.documents.privacy}</a>
            {t.documents.after}
          </span>
        </label>
        <Show when={problems().acceptTerms}><span class="error" id="checkout-acceptTerms-error" role="alert">{problems().acceptTerms}</span></Show>
      </div>
      <Show when={failure()}>
        <p class="notice notice--bad" role="alert" id="checkout-error" tabindex="-1" data-testid="checkout-error">{failure()}</p>
      </Show>
      <button class="button" type="submit" disabled={sending()}>
        {sending() ? t.sending : method() === 'online' && props.amountDue > 0 ? t.submitPay : t.submit}
      </button>
    </form>
  )
}
