import { For, Show } from 'solid-js'
import { formatYuan } from '../../../server/pricing/money'
import type { PricedQuote } from '../../../server/schemas/quote'
import type { ConfiguratorText } from '../../lib/configurator-text'
import type { Compared } from './live-quote'

interface Props {
  compared: Compared
  currentKey: string
  label: (key: string) => string
  text: ConfiguratorText
}

/** The same configuration under each term (or payment, plan, tier), side by side. */
export default function Comparison(props: Props) {
  const money = (fen: number) => formatYuan(fen, props.text.lang)
  const rows: { name: keyof ConfiguratorText; value: (quote: PricedQuote) => number }[] = [
    { name: 'compareMonthly', value: (quote) => quote.monthly.estimatedBill },
    { name: 'compareOneTime', value: (quote) => quote.oneTime.total },
    { name: 'compareFirstYear', value: (quote) => quote.firstYearTotal },
  ]
  return (
    <Show when={props.compared.length > 1}>
      <div class="comparison">
        <h3>{props.text.compare}</h3>
        <table>
          <thead>
            <tr>
              <td />
              <For each={props.compared}>
                {(column) => (
                  <th scope="col" aria-current={column.key === props.currentKey ? 'true' : undefined}>
                    {props.label(column.key)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows}>
              {(row) => (
                <tr>
                  <th scope="row">{props.text[row.name] as string}</th>
                  <For each={props.compared}>{(column) => <td class="money">{money(row.value(column.quote))}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
