import type { Component, LocalizedText } from '../pricing/catalog-schema'
import { portsNeeded } from './ports-needed'

export interface BuildingCapacity {
  freeFibrePorts: number
  freeVoicePorts: number
  maxBroadbandMbps: number
}

export interface RequestedComponent {
  component: Component
  count: number
}

export type ServiceabilityReason = 'speed_unavailable' | 'no_fibre_ports' | 'no_voice_ports' | 'requires_broadband'

export interface ServiceabilityItem {
  code: string
  count: number
  available: boolean
  reason?: ServiceabilityReason
}

export interface Alternative {
  replaces: string
  code: string
  name: LocalizedText
  speedMbps: number
  monthly: number
}

export interface Serviceability {
  result: 'qualified' | 'unqualified' | 'alternate'
  items: ServiceabilityItem[]
  alternatives: Alternative[]
}

/**
 * Can this building deliver these components? Too slow a speed with a slower one available is
 * `alternate`; missing ports are `unqualified` (a survey may still find capacity).
 */
export function checkServiceability(
  capacity: BuildingCapacity,
  requested: RequestedComponent[],
  broadbandChoices: Component[],
): Serviceability {
  const { fibre: fibreNeeded, voice: voiceNeeded } = portsNeeded(requested)

  const ownReason = ({ component }: RequestedComponent): ServiceabilityReason | undefined => {
    if (component.needs.minSpeedMbps && component.needs.minSpeedMbps > capacity.maxBroadbandMbps) return 'speed_unavailable'
    if (component.needs.fibrePorts && fibreNeeded > capacity.freeFibrePorts) return 'no_fibre_ports'
    if (component.needs.voicePorts && voiceNeeded > capacity.freeVoicePorts) return 'no_voice_ports'
    return undefined
  }
  const reasons = new Map(requested.map((item) => [item, ownReason(item)]))
  // A dependent component (static IP) cannot satisfy its own dependency, though it shares the category.
  const deliverableCategories = new Set(
    requested.filter((item) => !reasons.get(item) && !item.component.needs.requiresCategory).map((item) => item.component.category),
  )
  const items = requested.map((item): ServiceabilityItem => {
    const required = item.component.needs.requiresCategory
    const reason = reasons.get(item) ?? (required && !deliverableCategories.has(required) ? 'requires_broadband' : undefined)
    return { code: item.component.code, count: item.count, available: !reason, ...(reason ? { reason } : {}) }
  })

  const unavailable = items.filter((item) => !item.available)
  if (unavailable.length === 0) return { result: 'qualified', items, alternatives: [] }

  const fastest = fastestServable(capacity, broadbandChoices)
  const slowOnly = unavailable.every(
    (item) => item.reason === 'speed_unavailable' || (item.reason === 'requires_broadband' && fastest),
  )
  const portsSuffice = fibreNeeded <= capacity.freeFibrePorts
  if (slowOnly && fastest && portsSuffice) return { result: 'alternate', items, alternatives: replacements(items, fastest) }
  return { result: 'unqualified', items, alternatives: [] }
}

/** Speeds beyond what the building's riser carries, each with the fastest speed it does carry (if any). */
export interface SpeedRefusal {
  items: ServiceabilityItem[]
  alternatives: Alternative[]
}

/**
 * What a quote or order for this building must refuse: a speed it can never serve. Missing ports are
 * not refused, as a survey may still find capacity (the order becomes `survey_required`); the
 * alternative is offered whatever the ports, since choosing it does not change what a survey finds.
 */
export function speedRefusal(capacity: BuildingCapacity, checked: Serviceability, broadbandChoices: Component[]): SpeedRefusal | undefined {
  const items = checked.items.filter((item) => item.reason === 'speed_unavailable')
  if (items.length === 0) return undefined
  const fastest = fastestServable(capacity, broadbandChoices)
  return { items, alternatives: fastest ? replacements(items, fastest) : [] }
}

/** A choice a building cannot serve, as the configurator shows it: it carries at most `maxMbps`; `instead` is the fastest it does. */
export interface UnavailableChoice {
  code: string
  maxMbps: number
  instead?: string
}

function fastestServable(capacity: BuildingCapacity, broadbandChoices: Component[]): Component | undefined {
  return broadbandChoices
    .filter((choice) => choice.speedMbps && (choice.needs.minSpeedMbps ?? 0) <= capacity.maxBroadbandMbps)
    .sort((a, b) => b.speedMbps! - a.speedMbps!)[0]
}

function replacements(items: ServiceabilityItem[], by: Component): Alternative[] {
  return items
    .filter((item) => item.reason === 'speed_unavailable')
    .map((item) => ({ replaces: item.code, code: by.code, name: by.name, speedMbps: by.speedMbps!, monthly: by.monthly }))
}
