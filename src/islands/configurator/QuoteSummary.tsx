import { For, Show } from 'solid-js'
import { formatDate } from '../../../server/format-date'
import { formatYuan } from '../../../server/pricing/money'
import { prepaidPerMonth } from '../../../server/pricing/monthly-cost'
import type { PricedQuote, Quote } from '../../../server/schemas/quote'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import { localePath } from '../../lib/lang'

interface Props {
  quote: Quote | PricedQuote
  text: ConfiguratorText
  /** False while the form has changed since this quote (an error, or a new price on its way): it cannot be ordered. */
  orderable: boolean
  /** The element saying why it cannot be ordered, for screen readers. */
  blockedReasonId?: string
}

/** Every line of the quote with the rule behind it, totals, savings and the early-termination fees. */
export default function QuoteSummary(props: Props) {
  const t = () => props.text
  const lang = () => props.text.lang
  const money = (fen: number) => formatYuan(fen, lang())
  const stored = () => ('id' in props.quote ? (props.quote as Quote) : undefined)
  const etf = () => {
    const schedule = props.quote.earlyTermination
    return [schedule[0], schedule[Math.floor(schedule.length / 2)], schedule.at(-1)].filter(
      (entry, index, all) => entry && all.findIndex((other) => other?.afterMonths === entry.afterMonths) === index,
    )
  }
  /** A link that leads nowhere while the quote cannot be ordered, saying why to screen readers. */
  const blockable = (classes: string, href: string, testId: string, label: string) => (
    <a
      class={classes}
      href={props.orderable ? href : undefined}
      role="link"
      aria-disabled={props.orderable ? undefined : 'true'}
      aria-describedby={props.orderable ? undefined : props.blockedReasonId}
      data-testid={testId}
    >
      {label}
    </a>
  )
  return (
    <div class="summary">
      <p class="summary__bill">
        <span>{t().monthlyBill}</span>
        <strong class="price" data-testid="monthly-bill">{money(props.quote.monthly.estimatedBill)}</strong>
      </p>
      <Show when={props.quote.prepaid}>
        {(prepaid) => (
          <p class="muted" data-testid="prepaid-note">
            {fill(t().prepaidNote, { amount: money(prepaid().amount), months: prepaid().months, monthly: money(prepaidPerMonth(prepaid())) })}
          </p>
        )}
      </Show>
      <table class="summary__lines">
        <tbody>
          <For each={props.quote.monthly.lines}>
            {(line) => (
              <tr data-rule={line.rule}>
                <th scope="row">{line.label[lang()]}</th>
                <td class="money">{line.amount === 0 ? <span class="muted">{t().included}</span> : money(line.amount)}</td>
              </tr>
            )}
          </For>
          <Show when={props.quote.monthly.commitment !== null}>
            <tr class="summary__meta">
              <th scope="row">{t().commitment}</th>
              <td class="money">{money(props.quote.monthly.commitment!)}</td>
            </tr>
          </Show>
          <Show when={props.quote.monthly.allowance !== null}>
            <tr class="summary__meta">
              <th scope="row">{t().allowance}</th>
              <td class="money">{money(props.quote.monthly.allowance!)}</td>
            </tr>
          </Show>
        </tbody>
      </table>

      <Show when={props.quote.savings}>
        {(savings) => (
          <div class={savings().monthly >= 0 ? 'notice notice--good' : 'notice notice--warn'} data-testid="savings">
            <Show when={savings().monthly >= 0} fallback={<p>{t().costsMore} <strong class="money">{money(-savings().monthly)}</strong></p>}>
              <p>{t().savingsMonthly} <strong class="money" data-testid="savings-monthly">{money(savings().monthly)}</strong></p>
            </Show>
            <Show when={savings().annual >= 0} fallback={<p>{t().costsMoreAnnual} <strong class="money">{money(-savings().annual)}</strong></p>}>
              <p>{t().savingsAnnual} <strong class="money">{money(savings().annual)}</strong></p>
            </Show>
          </div>
        )}
      </Show>

      <Show when={props.quote.oneTime.lines.length > 0}>
        <h3>{t().oneTime}</h3>
        <table class="summary__lines">
          <tbody>
            <For each={props.quote.oneTime.lines}>
              {(line) => (
                <tr data-rule={line.rule}>
                  <th scope="row">{line.label[lang()]}</th>
                  <td class="money">{line.waived ? <><s>{money(line.amount)}</s> {t().waived}</> : money(line.amount)}</td>
                </tr>
              )}
            </For>
            <tr class="summary__total">
              <th scope="row">{t().oneTimeTotal}</th>
              <td class="money">{money(props.quote.oneTime.total)}</td>
            </tr>
          </tbody>
        </table>
      </Show>

      <Show when={props.quote.gifts.length > 0 || props.quote.monthly.careCredit > 0}>
        <ul class="summary__extras">
          <For each={props.quote.gifts}>{(gift) => <li>{t().gifts}: {gift.label[lang()]} <strong class="money">{money(gift.amount)}</strong></li>}</For>
          <Show when={props.quote.monthly.careCredit > 0}>
            <li>{t().care}: <strong class="money">{money(props.quote.monthly.careCredit)}</strong></li>
          </Show>
        </ul>
      </Show>

      <p class="summary__first-year">
        {t().firstYear} <strong class="money">{money(props.quote.firstYearTotal)}</strong>
      </p>

      <Show when={etf().length > 0}>
        <p class="muted summary__etf">
          {t().etf}{etf().map((entry) => `${fill(t().etfAfter, { m: entry!.afterMonths })} ${money(entry!.fee)}`).join(' · ')}
        </p>
      </Show>
      <ul class="muted summary__terms">
        <For each={props.quote.terms}>{(term) => <li>{term[lang()]}</li>}</For>
      </ul>

      <Show when={stored()}>
        {(quote) => (
          <p class="summary__actions">
            {blockable('button', localePath(lang(), `/checkout/${quote().id}`), 'checkout-link', t().order)}
            {blockable('button button--secondary', localePath(lang(), `/quotes/${quote().id}`), 'proposal-link', t().proposal)}
            <span class="muted">
              {t().validUntil} {formatDate(quote().expiresAt, lang())}
            </span>
          </p>
        )}
      </Show>
    </div>
  )
}
