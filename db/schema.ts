import type { ColumnType, Selectable } from 'kysely'

/** Row types of the tables the migrations create. Booleans are integers 0/1 on both databases. */
export interface Database {
  catalog_versions: { id: string; sequence: number; content_hash: string; created_at: string }
  catalog_components: {
    catalog_version: string
    code: string
    position: number
    name_zh: string
    name_en: string
    category: string
    monthly_fen: number
    install_fen: number
    speed_mbps: number | null
    needs_json: string
  }
  catalog_term_prices: { catalog_version: string; component_code: string; term_months: number; monthly_fen: number }
  catalog_offerings: { catalog_version: string; slug: string; position: number; listed: number; definition_json: string }
  building_managers: { id: string; name: string; name_en: string; phone: string; email: string; district: string }
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
  }
  offer_codes: {
    code: string
    offering_slug: string
    company_name: string
    building_id: string | null
    issued_by: string | null
    expires_at: string
    used_at: ColumnType<string | null, string | null | undefined, string | null>
  }
  quotes: {
    id: string
    catalog_version: string
    offering_slug: string
    building_id: string | null
    offer_code: string | null
    term_months: number
    estimated_monthly_fen: number
    one_time_total_fen: number
    first_year_total_fen: number
    request_json: string
    quote_json: string
    attribution_json: string | null
    created_at: string
    expires_at: string
  }
  leads: {
    id: string
    source: string
    company: string
    contact_name: string
    mobile: string
    note: string | null
    lang: string
    building_id: string | null
    offering_slug: string | null
    quote_id: string | null
    manager_id: string | null
    queue_district: string | null
    attribution_json: string | null
    status: string
    created_at: string
  }
  landing_views: { day: string; path: string; utm_source: string; utm_medium: string; utm_campaign: string; views: number }
}

export type BuildingRow = Selectable<Database['buildings']>
export type ManagerRow = Selectable<Database['building_managers']>
