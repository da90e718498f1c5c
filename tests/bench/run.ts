import type { DatabaseKind } from '../../db/connect'
import { startBenchServer, probePostgres, postgresUrl } from './bench-server'
import { measureEngineThroughput } from './engine-throughput'
import { measureHttpThroughput, type EndpointLoad, type HttpThroughput } from './http-throughput'
import { formatCount, formatFixed, formatMegabytes, formatMilliseconds, renderTable } from './table'

/** `npm run bench`: a measurement, not a test. It prints numbers and warnings, and fails only if it cannot run. */
async function main() {
  const rows: string[][] = []
  const warnings: string[] = []

  console.error('engine: pricing quotes in process…')
  const engine = measureEngineThroughput()
  rows.push([
    `engine quotes/s (${engine.offerings} offerings)`,
    formatCount(engine.quotesPerSecond),
    '',
    `${formatFixed(engine.microsPerQuote, 1)} µs/quote`,
  ])

  const kinds: DatabaseKind[] = ['sqlite']
  const postgres = await probePostgres()
  if (postgres.ok) kinds.push('postgres')
  else warnings.push(`PostgreSQL is unreachable at ${postgresUrl} (${postgres.reason}): HTTP measured on SQLite only.`)

  for (const kind of kinds) {
    console.error(`http: loading a ${kind}-backed server…`)
    const server = await startBenchServer(kind)
    let http: HttpThroughput
    try {
      http = await measureHttpThroughput(server)
    } finally {
      await server.close()
    }
    rows.push(httpRow(kind, http.hello, ''), httpRow(kind, http.quote, `ratio ${http.ratio.toPrecision(2)} of hello`))
    for (const load of [http.hello, http.quote]) {
      if (load.failures) warnings.push(`${kind} ${load.label}: unexpected responses in ${formatCount(load.requests)} requests: ${load.failures}`)
    }
  }

  const memory = process.memoryUsage()
  rows.push(['memory rss', formatMegabytes(memory.rss), '', 'whole process, load generator included'])
  rows.push(['memory heap used', formatMegabytes(memory.heapUsed), '', 'main thread'])

  console.log(
    renderTable(
      [{ header: 'benchmark' }, { header: 'value', align: 'right' }, { header: 'p99', align: 'right' }, { header: '' }],
      rows,
    ),
  )
  console.log('\nnote: 2 cores are shared by the load generator and the server; compare ratios to the hello baseline, not absolute numbers.')
  for (const warning of warnings) console.log(`warning: ${warning}`)
}

function httpRow(kind: DatabaseKind, load: EndpointLoad, note: string): string[] {
  return [`${kind.padEnd(8)} ${load.label} req/s`, formatCount(load.requestsPerSecond), formatMilliseconds(load.p99Ms), note]
}

await main()
