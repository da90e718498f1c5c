import { loadConfig } from '../../server/config'
import { AppError } from '../../server/errors'
import { recordTransfer } from '../../server/orders/lifecycle'
import { startServices } from '../../server/services/start-services'

/** Operations: `npm run orders:record-transfer -- SO261122-7K3F9Q 300.00` once a bank transfer has arrived. */
const [number, yuan] = process.argv.slice(2)
if (!number || !yuan || !/^\d+(\.\d{1,2})?$/.test(yuan)) {
  console.error('usage: npm run orders:record-transfer -- <order number> <amount in yuan, e.g. 300.00>')
  process.exit(2)
}
const { services, database } = await startServices(loadConfig(process.env))
try {
  const order = await recordTransfer(services, { kind: 'cli', id: null }, number, Math.round(Number(yuan) * 100))
  console.log(`${order.number}: ${order.status}`)
} catch (error) {
  console.error(error instanceof AppError ? error.message : error)
  process.exitCode = 1
} finally {
  await database.close()
}
