import type { Counter, Defaulted } from './columns'

/** Buildings and the managers (楼宇经理) who look after them. */
export interface BuildingTables {
  building_managers: {
    id: string
    name: string
    name_en: string
    phone: string
    email: string
    district: string
    /** 1 for the district's lead (at most one per district), to whom untouched leads are escalated. */
    district_lead: Defaulted<0 | 1>
  }
  buildings: {
    id: string
    name_zh: string
    name_en: string
    address_zh: string
    address_en: string
    district: string
    grade: string
    free_fibre_ports: number
    free_voice_ports: number
    max_broadband_mbps: number
    tenants: number
    same_day_install: number
    manager_id: string | null
    /** 1 when a competitor holds the building exclusively (it is then no target). */
    competitor_exclusive: Defaulted<number>
    /** How many tenant companies the building has (rows of `tenants`), kept with every tenant write. */
    tenant_companies: Counter
  }
}
