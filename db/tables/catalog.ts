import type { Optional } from './columns'
import type { CatalogDraftStatus } from '../../server/domain/catalog-draft-status'

/** The price book: its versions, what they hold, drafts on their way through approval and releases. */
export interface CatalogTables {
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
  /** A proposed price book on its way through approval (migration 0018); book_json is always a valid price book. */
  catalog_drafts: {
    id: string
    title: string
    status: CatalogDraftStatus
    base_version: string
    book_json: string
    revision: number
    author_id: string
    created_at: string
    updated_at: string
    submitted_at: Optional<string>
    decided_by: Optional<string>
    decided_at: Optional<string>
    decision_comment: Optional<string>
    catalog_version: Optional<string>
  }
  /** Which catalog version applies from when, until when and where (null scope: everywhere). */
  catalog_releases: {
    id: string
    catalog_version: string
    draft_id: string | null
    publish_at: string
    valid_until: string | null
    districts_json: string | null
    building_ids_json: string | null
    released_by: string | null
    created_at: string
    withdrawn_at: Optional<string>
    withdrawn_by: Optional<string>
  }
}
