import type { RequestedComponent } from './serviceability'

export interface PortCounts {
  fibre: number
  voice: number
}

/** The building ports a set of components takes: what an order reserves and a building must have free. */
export function portsNeeded(requested: RequestedComponent[]): PortCounts {
  return {
    fibre: requested.reduce((total, item) => total + (item.component.needs.fibrePorts ?? 0) * item.count, 0),
    voice: requested.reduce((total, item) => total + (item.component.needs.voicePorts ?? 0) * item.count, 0),
  }
}
