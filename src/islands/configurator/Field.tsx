import { Show, untrack, type Accessor, type JSX } from 'solid-js'

interface Props {
  id: string
  label: string
  hint?: string
  error?: string
  /** Called once: the control is made once and kept, so typing, its caret and its focus survive every change of hint or error. */
  children: (describedBy: Accessor<string | undefined>) => JSX.Element
}

/** A labelled control with its hint and, when there is one, the error that belongs to it. */
export default function Field(props: Props) {
  const describedBy = () => [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined
  const control = untrack(() => props.children(describedBy))
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {control}
      <Show when={props.hint}>
        <span class="hint" id={`${props.id}-hint`}>{props.hint}</span>
      </Show>
      <Show when={props.error}>
        <span class="error" id={`${props.id}-error`} role="alert">{props.error}</span>
      </Show>
    </div>
  )
}
