import type { Prepaid } from '../schemas/quote'
import { divideHalfUp } from './money'

/** A prepayment spread over the months it buys, rounded half up: what each of those months costs. */
export function prepaidPerMonth(prepaid: Prepaid | null): number {
  return prepaid ? divideHalfUp(prepaid.amount, prepaid.months) : 0
}

/** What month 1 costs: its bill plus any prepayment spread over its months (savings and "from" prices use it). */
export function monthlyCost(estimatedBill: number, prepaid: Prepaid | null): number {
  return estimatedBill + prepaidPerMonth(prepaid)
}
