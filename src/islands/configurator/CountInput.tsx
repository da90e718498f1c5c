import { quoteCount } from './configuration'

interface Props {
  id: string
  min: number
  max: number
  /** The count as typed. */
  value: string
  invalid: boolean
  describedBy: string | undefined
  onValue: (text: string) => void
}

/** A count as typed, or undefined while it is not one. */
export function readCount(text: string): number | undefined {
  const typed = quoteCount(text)
  return typed.kind === 'number' ? typed.value : undefined
}

/**
 * A count of a component, typed as text (so that full-width ｜１２｜ can be typed) and read as a number;
 * the arrow keys step it within its limits, as a number field would.
 */
export default function CountInput(props: Props) {
  const step = (event: KeyboardEvent) => {
    const by = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0
    if (by === 0) return
    event.preventDefault()
    const count = readCount(props.value)
    props.onValue(String(Math.min(props.max, Math.max(props.min, count === undefined ? props.min : count + by))))
  }
  return (
    <input
      id={props.id}
      class="count"
      type="text"
      inputmode="numeric"
      role="spinbutton"
      autocomplete="off"
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      aria-valuenow={readCount(props.value)}
      value={props.value}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid ? 'true' : 'false'}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      onKeyDown={step}
    />
  )
}
