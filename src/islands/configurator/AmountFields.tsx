import { Index } from 'solid-js'
import FieldError from './FieldError'
import type { FieldMessage } from './refusal-text'

interface Props {
  /** The fieldset's id; its error is `${id}-error`. */
  id: string
  legend: string
  /** One label per amount, in the order of `values`. */
  labels: readonly string[]
  /** The amounts as typed (yuan, any digits). */
  values: readonly string[]
  error: FieldMessage | undefined
  onInput: (index: number, text: string) => void
}

/** Yuan amounts declared together (one per month, one per carrier), with the one error they share. */
export default function AmountFields(props: Props) {
  const errorId = () => (props.error ? `${props.id}-error` : undefined)
  return (
    <fieldset class="field" id={props.id}>
      <legend>{props.legend}</legend>
      <div class="amounts">
        <Index each={props.values}>
          {(value, index) => (
            <label class="amount">
              <span>{props.labels[index]}</span>
              <input
                type="text"
                inputmode="decimal"
                value={value()}
                aria-invalid={props.error ? 'true' : 'false'}
                aria-describedby={errorId()}
                onInput={(event) => props.onInput(index, event.currentTarget.value)}
              />
            </label>
          )}
        </Index>
      </div>
      <FieldError id={`${props.id}-error`} message={props.error} />
    </fieldset>
  )
}
