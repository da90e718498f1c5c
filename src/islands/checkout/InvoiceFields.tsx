import { createSignal, For, Show } from 'solid-js'
import { invoiceKinds, type InvoiceField, type InvoiceKind } from '../../../server/schemas/invoice-details'
import type { InvoiceText } from '../../lib/invoice-text'
import Field from '../configurator/Field'
import { invoiceControl } from './invoice-form'

interface Props {
  text: InvoiceText
  /** Problems of the whole form, keyed `invoice.title`…; only the invoice's are shown here. */
  problems: Record<string, string>
}

/** The VAT invoice's buyer: type, title and taxpayer id; a special invoice adds the registered details. */
export default function InvoiceFields(props: Props) {
  const t = props.text
  const [kind, setKind] = createSignal<InvoiceKind>('general')
  const input = (field: InvoiceField, extra: Record<string, string>, hint?: string) => {
    const name = invoiceControl(field)
    return (
      <Field id={`checkout-${name}`} label={t.labels[field]} hint={hint} error={props.problems[name]}>
        {(describedBy) => (
          <input id={`checkout-${name}`} name={name} type="text" aria-describedby={describedBy()} aria-invalid={props.problems[name] ? 'true' : 'false'} {...extra} />
        )}
      </Field>
    )
  }
  return (
    <fieldset data-testid="invoice-fields">
      <legend>{t.legend}</legend>
      <div class="choices" role="radiogroup" aria-label={t.labels.kind} aria-describedby="checkout-invoice-kind-hint">
        <For each={invoiceKinds}>
          {(value) => (
            <label class="choice">
              <input type="radio" name={invoiceControl('kind')} value={value} checked={kind() === value} onChange={() => setKind(value)} />
              {t.kinds[value]}
            </label>
          )}
        </For>
      </div>
      <p class="hint" id="checkout-invoice-kind-hint">{t.kindHint}</p>
      {input('title', { autocomplete: 'organization', maxlength: '100' }, t.titleHint)}
      {input('taxpayerId', { autocomplete: 'off', maxlength: '24', autocapitalize: 'characters', spellcheck: 'false' }, t.taxpayerIdHint)}
      <Show when={kind() === 'special'}>
        {input('address', { autocomplete: 'street-address', maxlength: '120' })}
        <div class="checkout__row">
          {input('phone', { autocomplete: 'tel', inputmode: 'tel', maxlength: '20' })}
          {input('bank', { autocomplete: 'off', maxlength: '60' })}
        </div>
        {input('account', { autocomplete: 'off', inputmode: 'numeric', maxlength: '40', spellcheck: 'false' })}
      </Show>
    </fieldset>
  )
}
