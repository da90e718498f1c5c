import { createEffect, createMemo, For, Index, Show } from 'solid-js'
// Astro hands an island its props inside a store: unwrap gives the plain data to copy.
import { createStore, unwrap } from 'solid-js/store'
import type { UnavailableChoice } from '../../../server/domain/serviceability'
import type { Attribution } from '../../../server/schemas/attribution'
import { formatYuan } from '../../../server/pricing/money'
import type { PricedQuote } from '../../../server/schemas/quote'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import { replaceQuery } from '../../lib/replace-query'
import { companySizes, type CompanySize } from '../../lib/size-defaults'
import AmountFields from './AmountFields'
import BroadbandChoices from './BroadbandChoices'
import Comparison from './Comparison'
import {
  buildRequest,
  comparisonAxis,
  comparisonRequests,
  declaredAverage,
  defaultConfiguration,
  fieldOfIssue,
  needsPriorSpend,
  callUsageCategories,
  usageCategories,
  usageFollowingSpend,
  type Configuration,
  type OfferingDetail,
  type Status,
} from './configuration'
import { configurationQuerySchema, configurationSearchParams, queryOfConfiguration } from './configuration-url'
import CountInput, { readCount } from './CountInput'
import Field from './Field'
import FieldError from './FieldError'
import { refusalText, typedProblemText, type BundleLink, type FieldMessage } from './refusal-text'
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
  /** Bundles for a firm below this offering's spend minimum (its refusal links to them). */
  smallerBundles?: BundleLink[]
  /** The win-back code that opened this (unlisted) offering: every quote is priced with it. */
  offerCode?: string
}

/** Choose components, options and term; enter spend and usage; the quote follows live. */
export default function Configurator(props: Props) {
  const offering = props.offering
  const t = props.text
  const lang = t.lang
  const unavailable = props.unavailable ?? []
  const [config, setConfig] = createStore<Configuration>(structuredClone(unwrap(props.initialConfiguration)))
  // The configuration lives in the URL, so Back, Reload and the language switch keep it.
  createEffect(() => {
    const params = new URLSearchParams(window.location.search)
    for (const name of Object.keys(configurationQuerySchema.shape)) params.delete(name)
    for (const [name, value] of configurationSearchParams(queryOfConfiguration(offering, config))) params.set(name, value)
    replaceQuery(params)
  })

  const built = createMemo(() => buildRequest(offering, config, { buildingId: props.buildingId, attribution: props.attribution, offerCode: props.offerCode }))
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

  const refusalContext = () => ({
    counts: Object.fromEntries(Object.entries(config.items).map(([code, text]) => [code, readCount(text)])),
    declaredAverage: declaredAverage(config.prior),
    smallerBundles: props.smallerBundles ?? [],
    callbackHref: '#callback',
  })
  /** The message shown next to a field: typed text that is not the number asked for, or the API's refusal naming the limit. */
  const problem = (field: string): FieldMessage | undefined => {
    const result = built()
    const typed = 'invalid' in result ? result.invalid[field] : undefined
    if (typed) return { text: typedProblemText(field, typed, t) }
    const error = live.error()
    if (!error) return undefined
    const issue = error.issues?.find((candidate) => fieldOfIssue(offering, candidate.path) === field)
    return issue ? refusalText(offering, error, issue.path, t, refusalContext()) : undefined
  }
  const problemText = (field: string) => problem(field)?.text
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
  /**
   * Why the quote on screen cannot be ordered: it was priced before the form's last change. While a new
   * one is priced the heading's status says so; once the form has an error, a notice does.
   */
  const formInvalid = () => 'invalid' in built() || Boolean(live.error())
  const stale = () => formInvalid() || live.pending()
  const staleReasonId = () => (formInvalid() ? 'quote-stale' : live.pending() ? 'quote-status' : undefined)

  const chooseSize = (size: CompanySize) => {
    const defaults = defaultConfiguration(offering, size, props.preferredBroadband, unavailable)
    setConfig({ size, items: defaults.items, prior: defaults.prior, current: defaults.current, usage: defaults.usage, usageFollowsSpend: true })
  }
  /** A change to the declared spend (or to who must declare it) carries the usage that follows it. */
  const declare = (change: () => void) => {
    change()
    setConfig('usage', usageFollowingSpend(offering, config))
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
            <FieldError id="cfg-status-error" message={problem('status')} />
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
                <FieldError id={`cfg-options.${name}-error`} message={problem(`options.${name}`)} />
              </fieldset>
            </Show>
          )}
        </For>

        <Show when={offering.terms.length > 1}>
          <Field id="cfg-term" label={t.term} error={problemText('term')}>
            {(describedBy) => (
              <select id="cfg-term" aria-describedby={describedBy()} onChange={(event) => setConfig('termMonths', Number(event.currentTarget.value))}>
                <For each={offering.terms}>{(term) => <option value={term} selected={config.termMonths === term}>{termLabel(term)}</option>}</For>
              </select>
            )}
          </Field>
        </Show>

        <Show when={offering.components.length > 0}>
          <h2 class="configurator__heading">{t.components}</h2>
          <Index each={offering.itemGroups}>
            {(group, index) => (
              <BroadbandChoices
                group={group()}
                index={index}
                chosen={config.groups[index]}
                unavailable={unavailable}
                componentName={componentName}
                text={t}
                error={problem(`group.${index}`)}
                onChoose={(code) => setConfig('groups', index, code)}
              />
            )}
          </Index>
          <For each={standalone}>
            {(component) => (
              <Field
                id={`cfg-items.${component.code}`}
                label={component.name[lang]}
                hint={fill(t.count, { min: component.min, max: component.max })}
                error={problemText(`items.${component.code}`)}
              >
                {(describedBy) => (
                  <CountInput
                    id={`cfg-items.${component.code}`}
                    min={component.min}
                    max={component.max}
                    value={config.items[component.code]}
                    invalid={Boolean(problem(`items.${component.code}`))}
                    describedBy={describedBy()}
                    onValue={(text) => setConfig('items', component.code, text)}
                  />
                )}
              </Field>
            )}
          </For>
        </Show>

        <Show when={needsPriorSpend(offering, config.status)}>
          <AmountFields
            id="cfg-prior"
            legend={t.prior}
            labels={t.priorMonths}
            values={config.prior}
            error={problem('prior')}
            onInput={(index, text) => declare(() => setConfig('prior', index, text))}
          />
        </Show>

        <AmountFields
          id="cfg-current"
          legend={t.current}
          labels={t.carriers}
          values={config.current}
          error={problem('current')}
          onInput={(index, text) => setConfig('current', index, text)}
        />

        <Show when={callUsageCategories(offering).length > 0}>
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
                      aria-describedby={problem(`usage.${category}`) ? `cfg-usage.${category}-error` : undefined}
                      onInput={(event) => setConfig({ usage: { ...config.usage, [category]: event.currentTarget.value }, usageFollowsSpend: false })}
                    />
                    <FieldError id={`cfg-usage.${category}-error`} message={problem(`usage.${category}`)} />
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        </Show>
      </form>

      <section class="configurator__quote card" aria-labelledby="quote-heading" aria-busy={live.pending()}>
        <h2 id="quote-heading">
          {t.quote}
          <span class="configurator__status" id="quote-status" aria-live="polite">{live.pending() && !formInvalid() ? t.updating : ''}</span>
        </h2>
        <Show when={generalProblem()}>
          <p class="notice notice--bad" role="alert" data-testid="quote-error">{generalProblem()}</p>
        </Show>
        <div aria-live="polite">
          <Show when={formInvalid() && live.quote()}>
            <p class="notice notice--warn configurator__stale" id="quote-stale" data-testid="quote-stale">
              <strong class="configurator__stale-label">{t.staleLabel}</strong> {t.staleInvalid}
            </p>
          </Show>
        </div>
        <div classList={{ configurator__result: true, 'is-stale': stale() }} data-testid="quote-result">
          <Show when={live.quote()}>
            {(quote) => <QuoteSummary quote={quote()} text={t} orderable={!stale()} blockedReasonId={staleReasonId()} />}
          </Show>
          <Comparison compared={live.compared()} currentKey={currentAxisKey()} label={comparisonLabel} text={t} />
        </div>
      </section>

      <Show when={live.quote()}>
        {(quote) => (
          <a
            class="configurator__bar"
            classList={{ 'is-stale': stale() }}
            href={stale() ? undefined : '#quote-heading'}
            role="link"
            aria-disabled={stale() ? 'true' : undefined}
            aria-describedby={staleReasonId()}
            aria-label={t.seeQuote}
            data-testid="quote-bar"
          >
            <span>{t.monthlyBill}</span>
            <strong>{formatYuan(quote().monthly.estimatedBill, lang)}</strong>
            <Show when={!formInvalid()} fallback={<span class="configurator__bar-stale">{t.staleBar}</span>}>
              <Show when={quote().savings}>{(savings) => <span class="configurator__bar-savings">{savings().monthly >= 0 ? t.savingsMonthly : t.costsMore} {formatYuan(Math.abs(savings().monthly), lang)}</span>}</Show>
            </Show>
          </a>
        )}
      </Show>
    </div>
  )
}
