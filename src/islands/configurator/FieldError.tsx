import { For, Show } from 'solid-js'
import type { FieldMessage } from './refusal-text'

/** The error under a group of inputs (the inputs point at it with aria-describedby), with any way on it offers. */
export default function FieldError(props: { id: string; message: FieldMessage | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <div class="error" id={props.id} role="alert">
          {message().text}
          <Show when={message().links?.length}>
            <ul class="error__links">
              <For each={message().links}>{(link) => <li><a href={link.href}>{link.name}</a></li>}</For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  )
}
