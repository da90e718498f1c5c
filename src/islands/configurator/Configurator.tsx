import { createEffect, createMemo, For, Index, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import type { UnavailableChoice } from '../../../server/domain/serviceability'
import type { Attribution } from '../../../server/schemas/attribution'
import { formatYuan } from '../../../server/pricing/money'
import type { PricedQuote } from '../../../server/schemas/quote'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import { replaceQuery } from '../../lib/replace-query'
import { companySizes, type CompanySize } from '../../lib/size-defaults'
import Comparison from './Comparison'
import {
  buildRequest,
  comparisonAxis,
  comparisonRequests,
  defaultConfiguration,
  fieldOfIssue,
  needsPriorSpend,
  usageCategories,
  usageFollowingSpend,
  type Configuration,
  type OfferingDetail,
  type Status,
} from './configuration'
import { configurationQuerySchema, configurationSearchParams, queryOfConfiguration } from './configuration-url'
import Field from './Field'
import { createLiveQuote } from './live-quote'
import QuoteSummary from './QuoteSummary'

interface Props {
  offering: OfferingDetail
  text: ConfiguratorText
  initialQuote?: PricedQuote
  /** What the page's URL asked for (see configuration-url), already checked against the offering. */
  initialConfiguration: Configuration
  preferredBroadband?: string
  buildingId?: string
  /** Choices the visitor's building cannot serve: shown, but disabled with the reason. */
  unavailable?: UnavailableChoice[]
  attribution?: Attribution
}

/** Choose components, options and term; enter spend and usage; the quote follows live. */
export default function Configurator(props: Props) {
  const offering = props.offering
  const t = props.text
  const lang = t.lang
  const unavailable = props.unavailable ?? []
  const [config, setConfig] = createStore<Configuration>(structuredClone(props.initialConfiguration))
  // The configuration lives in the URL, so Back, Reload and the language switch keep it.
  createEffect(() => {
    const params = new URLSearchParams(window.location.search)
    for (const name of Object.keys(configurationQuerySchema.shape)) params.delete(name)
    for (const [name, value] of configurationSearchParams(queryOfConfiguration(offering, config))) params.set(name, value)
    replaceQuery(params)
  })

  const built = createMemo(() => buildRequest(offering, config, { buildingId: props.buildingId, attribution: props.attribution }))
  const request = () => {
    const result = built()
    return 'request' in result ? result.request : undefined
  }
  const live = createLiveQuote(request, () => {
    const current = request()
    return current ? comparisonRequests(offering, current) : []
  }, props.initialQuote)

  const axis = comparisonAxis(offering)
  const currentAxisKey = () => (axis?.kind === 'term' ? String(config.termMonths) : axis ? config.options[axis.name] : '')
  const componentName = (code: string) => offering.components.find((component) => component.code === code)?.name[lang] ?? code
  const optionLabel = (name: string, value: string) => offering.optionLabels[name]?.[value]?.[lang] ?? value
  const termLabel = (months: number) => (months === 0 ? t.noTerm : fill(t.months, { n: months }))
  const comparisonLabel = (key: string) => (axis?.kind === 'term' ? termLabel(Number(key)) : axis ? optionLabel(axis.name, key) : key)

  /** The message shown next to a field: a typed amount that is not one, or the API's refusal. */
  const problem = (field: string): string | undefined => {
    const result = built()
    if ('invalid' in result && result.invalid[field]) return t.errors.invalid_request
    const error = live.error()
    if (!error) return undefined
    const issue = error.issues?.find((candidate) => fieldOfIssue(offering, candidate.path) === field)
    return issue ? t.errors[error.code] ?? t.errors.internal_error : undefined
  }
  /** Fields on screen: an error about any other field is shown above the quote instead. */
  const shownFields = () =>
    new Set([
      ...(offering.eligibility.statuses.length > 1 ? ['status'] : []),
      ...Object.entries(offering.options).flatMap(([name, values]) => (values.length > 1 ? [`options.${name}`] : [])),
      ...(offering.terms.length > 1 ? ['term'] : []),
      ...offering.itemGroups.map((_, index) => `group.${index}`),
      ...offering.components.map((component) => `items.${component.code}`),
      ...(needsPriorSpend(offering, config.status) ? ['prior'] : []),
      'current',
      ...usageCategories.map((category) => `usage.${category}`),
    ])
  const generalProblem = () => {
    const error = live.error()
    if (!error || error.issues?.some((issue) => shownFields().has(fieldOfIssue(offering, issue.path)))) return undefined
    return t.errors[error.code] ?? t.errors.internal_error
  }

  const chooseSize = (size: CompanySize) => {
    const defaults = defaultConfiguration(offering, size, props.preferredBroadband, unavailable)
    setConfig({ size, items: defaults.items, prior: defaults.prior, current: defaults.current, usage: defaults.usage, usageFollowsSpend: true })
  }
  /** A change to the declared spend (or to who must declare it) carries the usage that follows it. */
  const declare = (change: () => void) => {
    change()
    setConfig('usage', usageFollowingSpend(offering, config))
  }
  const countInput = (code: string, value: string) => {
    const count = Number(value)
    setConfig('items', code, Number.isFinite(count) ? count : 0)
  }
  const standalone = offering.components.filter((component) => !offering.itemGroups.some((group) => group.codes.includes(component.code)))

  return (
    <div class="configurator">
      <form class="configurator__form card" onSubmit={(event) => event.preventDefault()} novalidate>
        <fieldset class="field">
          <legend>{t.size}</legend>
          <div class="choices">
            <For each={companySizes}>
              {(size) => (
                <label class="choice">
                  <input type="radio" name="size" value={size} checked={config.size === size} onChange={() => chooseSize(size)} />
                  {t.sizes[size]}
                </label>
              )}
            </For>
          </div>
          <span class="hint">{t.sizeHint}</span>
        </fieldset>

        <Show when={offering.eligibility.statuses.length > 1}>
          <fieldset class="field" id="cfg-status">
            <legend>{t.status}</legend>
            <div class="choices">
              <For each={offering.eligibility.statuses as Status[]}>
                {(status) => (
                  <label class="choice">
                    <input type="radio" name="status" value={status} checked={config.status === status} onChange={() => declare(() => setConfig('status', status))} />
                    {t.statuses[status]}
                  </label>
                )}
              </For>
            </div>
            <Show when={problem('status')}><span class="error" role="alert">{problem('status')}</span></Show>
          </fieldset>
        </Show>

        <For each={Object.entries(offering.options)}>
          {([name, values]) => (
            <Show when={values.length > 1}>
              <fieldset class="field" id={`cfg-options.${name}`}>
                <legend>{t.options[name as keyof typeof t.options] ?? name}</legend>
                <div class="choices">
                  <For each={values}>
                    {(value) => (
                      <label class="choice">
                        <input type="radio" name={`option-${name}`} value={value} checked={config.options[name] === value} onChange={() => setConfig('options', name, value)} />
                        {optionLabel(name, value)}
                      </label>
                    )}
                  </For>
                </div>
                <Show when={problem(`options.${name}`)}><span class="error" role="alert">{problem(`options.${name}`)}</span></Show>
              </fieldset>
            </Show>
          )}
        </For>

        <Show when={offering.terms.length > 1}>
          <Field id="cfg-term" label={t.term} error={problem('term')}>
            {(describedBy) => (
              <select id="cfg-term" aria-describedby={describedBy} onChange={(event) => setConfig('termMonths', Number(event.currentTarget.value))}>
                <For each={offering.terms}>{(term) => <option value={term} selected={config.termMonths === term}>{termLabel(term)}</option>}</For>
              </select>
            )}
          </Field>
        </Show>

        <Show when={offering.components.length > 0}>
          <h2 class="configurator__heading">{t.components}</h2>
          <Index each={offering.itemGroups}>
            {(group, index) => (
              <fieldset class="field" id={`cfg-group.${index}`}>
                <legend>{t.broadband}</legend>
                <div class="choices">
                  <Show when={group().min === 0}>
                    <label class="choice">
                      <input type="radio" name={`group-${index}`} value="" checked={config.groups[index] === ''} onChange={() => setConfig('groups', index, '')} />
                      {t.noBroadband}
                    </label>
                  </Show>
                  <For each={group().codes}>
                    {(code) => {
                      const blocked = unavailable.find((choice) => choice.code === code)
                      // The choice is named by its component alone; why it cannot be chosen is its description.
                      const nameId = `cfg-choice-${code}`
                      const reasonId = `cfg-unavailable-${code}`
                      return (
                        <label class="choice" classList={{ 'choice--unavailable': Boolean(blocked) }}>
                          <input
                            type="radio"
                            name={`group-${index}`}
                            value={code}
                            checked={config.groups[index] === code}
                            disabled={Boolean(blocked)}
                            aria-labelledby={blocked ? nameId : undefined}
                            aria-describedby={blocked ? reasonId : undefined}
                            onChange={() => setConfig('groups', index, code)}
                          />
                          <span>
                            <span id={nameId}>{componentName(code)}</span>
                            <Show when={blocked}>
                              {(choice) => <span class="choice__reason" id={reasonId}>{fill(t.speedUnavailable, { max: choice().maxMbps })}</span>}
                            </Show>
                          </span>
                        </label>
                      )
                    }}
                  </For>
                </div>
                <Show when={problem(`group.${index}`)}><span class="error" role="alert">{problem(`group.${index}`)}</span></Show>
              </fieldset>
            )}
          </Index>
          <For each={standalone}>
            {(component) => (
              <Field
                id={`cfg-items.${component.code}`}
                label={component.name[lang]}
                hint={fill(t.count, { min: component.min, max: component.max })}
                error={problem(`items.${component.code}`)}
              >
                {(describedBy) => (
                  <input
                    id={`cfg-items.${component.code}`}
                    type="number"
                    inputmode="numeric"
                    min={component.min}
                    max={component.max}
                    step="1"
                    value={config.items[component.code]}
                    aria-describedby={describedBy}
                    aria-invalid={problem(`items.${component.code}`) ? 'true' : 'false'}
                    onInput={(event) => countInput(component.code, event.currentTarget.value)}
                  />
                )}
              </Field>
            )}
          </For>
        </Show>

        <Show when={needsPriorSpend(offering, config.status)}>
          <fieldset class="field" id="cfg-prior">
            <legend>{t.prior}</legend>
            <div class="amounts">
              <Index each={config.prior}>
                {(value, index) => (
                  <label class="amount">
                    <span>{t.priorMonths[index]}</span>
                    <input
                      type="text"
                      inputmode="decimal"
                      value={value()}
                      aria-invalid={problem('prior') ? 'true' : 'false'}
                      onInput={(event) => declare(() => setConfig('prior', index, event.currentTarget.value))}
                    />
                  </label>
                )}
              </Index>
            </div>
            <Show when={problem('prior')}><span class="error" role="alert">{problem('prior')}</span></Show>
          </fieldset>
        </Show>

        <fieldset class="field" id="cfg-current">
          <legend>{t.current}</legend>
          <div class="amounts">
            <Index each={config.current}>
              {(value, index) => (
                <label class="amount">
                  <span>{t.carriers[index]}</span>
                  <input type="text" inputmode="decimal" value={value()} onInput={(event) => setConfig('current', index, event.currentTarget.value)} />
                </label>
              )}
            </Index>
          </div>
          <Show when={problem('current')}><span class="error" role="alert">{problem('current')}</span></Show>
        </fieldset>

        <fieldset class="field">
          <legend>{t.usage}</legend>
          <Show when={config.usageFollowsSpend && needsPriorSpend(offering, config.status)}>
            <span class="hint">{t.usageFromSpend}</span>
          </Show>
          <div class="amounts">
            <For each={usageCategories}>
              {(category) => (
                <label class="amount" id={`cfg-usage.${category}`}>
                  <span>{t.usageNames[category]}</span>
                  <input
                    type="text"
                    inputmode="decimal"
                    value={config.usage[category]}
                    aria-invalid={problem(`usage.${category}`) ? 'true' : 'false'}
                    onInput={(event) => setConfig({ usage: { ...config.usage, [category]: event.currentTarget.value }, usageFollowsSpend: false })}
                  />
                  <Show when={problem(`usage.${category}`)}><span class="error" role="alert">{problem(`usage.${category}`)}</span></Show>
                </label>
              )}
            </For>
          </div>
        </fieldset>
      </form>

      <section class="configurator__quote card" aria-labelledby="quote-heading" aria-busy={live.pending()}>
        <h2 id="quote-heading">
          {t.quote}
          <span class="configurator__status" aria-live="polite">{live.pending() ? t.updating : ''}</span>
        </h2>
        <Show when={generalProblem()}>
          <p class="notice notice--bad" role="alert" data-testid="quote-error">{generalProblem()}</p>
        </Show>
        <div classList={{ 'configurator__result': true, 'is-stale': live.pending() || Boolean(live.error()) }}>
          <Show when={live.quote()}>{(quote) => <QuoteSummary quote={quote()} text={t} />}</Show>
        </div>
        <Comparison compared={live.compared()} currentKey={currentAxisKey()} label={comparisonLabel} text={t} />
      </section>

      <Show when={live.quote()}>
        {(quote) => (
          <a class="configurator__bar" href="#quote-heading" aria-label={t.seeQuote}>
            <span>{t.monthlyBill}</span>
            <strong>{formatYuan(quote().monthly.estimatedBill, lang)}</strong>
            <Show when={quote().savings}>{(savings) => <span class="configurator__bar-savings">{savings().monthly >= 0 ? t.savingsMonthly : t.costsMore} {formatYuan(Math.abs(savings().monthly), lang)}</span>}</Show>
          </a>
        )}
      </Show>
    </div>
  )
}
