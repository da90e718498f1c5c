import type { PortCounts } from './ports-needed'
import type { RequestedComponent } from './serviceability'

/**
 * Why an order must be looked at by operations before it may hold any ports: anyone can order
 * without paying anything today, so without a bound one order could take a whole building's
 * ports. Two bounds: the price book's per-component count (`needs.maxPerOrderWithoutReview`), and a
 * share of the building's free ports of each kind (a setting).
 */
export type ReviewReason =
  | { kind: 'component_count'; code: string; count: number; limit: number }
  | { kind: 'port_share'; port: keyof PortCounts; needed: number; free: number; allowed: number }

/** At least one port of a kind is always allowed: a building's last port goes to whoever orders it. */
export function portsAllowedWithoutReview(free: number, sharePercent: number): number {
  return Math.max(1, Math.floor((free * sharePercent) / 100))
}

export function reviewReasons(requested: RequestedComponent[], needed: PortCounts, free: PortCounts, sharePercent: number): ReviewReason[] {
  const counts = requested.flatMap(({ component, count }): ReviewReason[] => {
    const limit = component.needs.maxPerOrderWithoutReview
    return limit !== undefined && count > limit ? [{ kind: 'component_count', code: component.code, count, limit }] : []
  })
  const shares = (['fibre', 'voice'] as const).flatMap((port): ReviewReason[] => {
    const allowed = portsAllowedWithoutReview(free[port], sharePercent)
    return needed[port] > allowed ? [{ kind: 'port_share', port, needed: needed[port], free: free[port], allowed }] : []
  })
  return [...counts, ...shares]
}

/** For operations' mail and the order's timeline (operations read Chinese and English). */
export function describeReviewReason(reason: ReviewReason, lang: 'zh' | 'en'): string {
  if (reason.kind === 'component_count') {
    return lang === 'zh'
      ? `${reason.code} 数量 ${reason.count}，超过单笔订单免审上限 ${reason.limit}`
      : `${reason.count} × ${reason.code}, above the ${reason.limit} an order may have without review`
  }
  const port = { zh: { fibre: '光纤端口', voice: '语音端口' }, en: { fibre: 'fibre ports', voice: 'voice ports' } }[lang][reason.port]
  return lang === 'zh'
    ? `需要 ${reason.needed} 个${port}，楼宇空闲 ${reason.free} 个，免审上限 ${reason.allowed} 个`
    : `needs ${reason.needed} ${port} of the building's ${reason.free} free; ${reason.allowed} allowed without review`
}
