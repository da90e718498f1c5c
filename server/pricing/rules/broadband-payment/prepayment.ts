import type { Component } from '../../catalog-schema'
import { termPrice } from '../../pricing-context'
import type { DescribeScope } from '../rule-kind'

/** The broadband speeds an offering sells (a static IP and the like have no speed), slowest first as listed. */
export function speedsOf(scope: DescribeScope): Component[] {
  return scope.offering.items
    .map((item) => scope.catalog.components.get(item.code))
    .filter((component): component is Component => component?.speedMbps !== undefined)
}

/** A speed's monthly price under a payment: the term price of the prepaid length, else the standard price. */
export function monthlyUnder(speed: Component, prepayMonths: number): number {
  return prepayMonths > 0 ? (termPrice(speed, prepayMonths) ?? speed.monthly) : speed.monthly
}
