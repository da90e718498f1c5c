import { For, Show } from 'solid-js'
import { formatYuan } from '../../../server/pricing/money'
import { fill, type ConfiguratorText } from '../../lib/configurator-text'
import { comparisonRows, type ComparisonRow } from './configuration'
import type { Compared } from './live-quote'

interface Props {
  compared: Compared
  currentKey: string
  label: (key: string) => string
  text: ConfiguratorText
}

/** The same configuration under each term (or payment, plan, tier), side by side: what differs between them. */
export default function Comparison(props: Props) {
  const t = () => props.text
  const money = (fen: number | null) => (fen === null ? t().compareNone : formatYuan(fen, t().lang))
  const rowLabel = (row: ComparisonRow): string =>
    row.name === 'etf'
      ? fill(t().compareEtf, { m: row.afterMonths })
      : { commitment: t().compareCommitment, monthly: t().compareMonthly, oneTime: t().compareOneTime, termTotal: t().compareTermTotal, firstYear: t().compareFirstYear }[row.name]
  const rows = () => comparisonRows(props.compared.map((column) => column.quote))
  return (
    <Show when={props.compared.length > 1}>
      <div class="comparison">
        <h3>{t().compare}</h3>
        <table data-testid="comparison">
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
            <For each={rows()}>
              {(row) => (
                <tr data-row={row.name}>
                  <th scope="row">{rowLabel(row)}</th>
                  <For each={row.values}>{(value) => <td class="money">{money(value)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
