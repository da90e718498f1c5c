import type { Counter, Optional } from './columns'

/** Companies at buildings from imported tenant lists, and the imports. */
export interface TenantTables {
  /** A company at a building, from imported tenant lists (migration 0013); cleaned values only. */
  tenants: {
    id: string
    building_id: string
    company: string
    /** The company name as duplicates are found: NFKC, lower case, no spaces. */
    name_key: string
    /** The name key as the imported lists spell the company, when a manager has since corrected the name. */
    listed_name_key: string | null
    credit_code: string | null
    floor: string | null
    unit: string | null
    contact_name: string | null
    mobile: string | null
    email: string | null
    staff_size: number | null
    carrier: string | null
    /** JSON array of the fields a manager edited by hand: imports leave them alone. */
    edited_fields: string
    /** The import that last wrote the row (null when only edited by hand). */
    import_id: string | null
    created_at: string
    updated_at: string
  }
  /** One tenant list import (a background job): progress while it runs, its report when done. */
  tenant_imports: {
    id: string
    building_id: string | null
    scope_key: string
    content_hash: string
    file_name: string
    file_format: Optional<string>
    imported_by: string | null
    /** queued → running → done | failed */
    status: string
    rows_total: Counter
    rows_done: Counter
    inserted: Counter
    updated: Counter
    unchanged: Counter
    merged: Counter
    refused: Counter
    report_json: Optional<string>
    failure: Optional<string>
    created_at: string
    started_at: Optional<string>
    finished_at: Optional<string>
    heartbeat_at: string
  }
}
