import { For, Show } from 'solid-js'
import type { UnavailableChoice } from '../../../server/domain/serviceability'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import type { OfferingDetail } from './configuration'
import FieldError from './FieldError'
import type { FieldMessage } from './refusal-text'

interface Props {
  /** One of the offering's groups of broadband choices (at most one of them is taken). */
  group: OfferingDetail['itemGroups'][number]
  index: number
  /** The chosen code, '' for none. */
  chosen: string
  /** Choices the visitor's building cannot serve: shown, but disabled with the reason. */
  unavailable: readonly UnavailableChoice[]
  componentName: (code: string) => string
  text: ConfiguratorText
  error: FieldMessage | undefined
  onChoose: (code: string) => void
}

/** The broadband choices of one group, as radio buttons; a speed the building cannot serve says why. */
export default function BroadbandChoices(props: Props) {
  const t = props.text
  return (
    <fieldset class="field" id={`cfg-group.${props.index}`}>
      <legend>{t.broadband}</legend>
      <div class="choices">
        <Show when={props.group.min === 0}>
          <label class="choice">
            <input type="radio" name={`group-${props.index}`} value="" checked={props.chosen === ''} onChange={() => props.onChoose('')} />
            {t.noBroadband}
          </label>
        </Show>
        <For each={props.group.codes}>
          {(code) => {
            const blocked = props.unavailable.find((choice) => choice.code === code)
            // The choice is named by its component alone; why it cannot be chosen is its description.
            const nameId = `cfg-choice-${code}`
            const reasonId = `cfg-unavailable-${code}`
            return (
              <label class="choice" classList={{ 'choice--unavailable': Boolean(blocked) }}>
                <input
                  type="radio"
                  name={`group-${props.index}`}
                  value={code}
                  checked={props.chosen === code}
                  disabled={Boolean(blocked)}
                  aria-labelledby={blocked ? nameId : undefined}
                  aria-describedby={blocked ? reasonId : undefined}
                  onChange={() => props.onChoose(code)}
                />
                <span>
                  <span id={nameId}>{props.componentName(code)}</span>
                  <Show when={blocked}>{(choice) => <span class="choice__reason" id={reasonId}>{fill(t.speedUnavailable, { max: choice().maxMbps })}</span>}</Show>
                </span>
              </label>
            )
          }}
        </For>
      </div>
      <FieldError id={`cfg-group.${props.index}-error`} message={props.error} />
    </fieldset>
  )
}
