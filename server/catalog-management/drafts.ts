import type { CatalogDraftStatus } from '../domain/catalog-draft-status'
import type { Catalog } from '../pricing/catalog'
import { priceBookSchema, type PriceBook } from '../pricing/catalog-schema'
import { findDraftRow, listDraftRows, type CatalogDraftRow } from '../repositories/catalog-drafts-repository'
import { draftNotFound, type CatalogServices } from './lifecycle/context'

export { saveDraftBook } from './lifecycle/editing'

/** A proposed price book and where it stands in the approval flow. */
export interface CatalogDraft {
  id: string
  title: string
  status: CatalogDraftStatus
  /** The catalog version it was copied from. */
  baseVersion: string
  book: PriceBook
  /** Counts saves: a save names the revision it edited, so nobody overwrites a change unseen. */
  revision: number
  authorId: string
  authorName: string
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  decidedBy: string | null
  decidedByName: string | null
  decidedAt: string | null
  decisionComment: string | null
  /** The catalog version an approval made of it. */
  catalogVersion: string | null
}

export function draftOf(row: CatalogDraftRow): CatalogDraft {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    baseVersion: row.base_version,
    // Stored books were checked on save; reading them checked again keeps a hand-edited row from pricing.
    book: priceBookSchema.parse(JSON.parse(row.book_json)),
    revision: row.revision,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    catalogVersion: row.catalog_version,
  }
}

export async function findDraft(services: Pick<CatalogServices, 'db'>, id: string): Promise<CatalogDraft> {
  const row = await findDraftRow(services.db, id)
  if (!row) throw draftNotFound(id)
  return draftOf(row)
}

/** The drafts as the console lists them, newest first. */
export async function listDrafts(services: Pick<CatalogServices, 'db'>) {
  return (await listDraftRows(services.db)).map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    baseVersion: row.base_version,
    authorName: row.author_name,
    updatedAt: row.updated_at,
    decidedByName: row.decided_by_name,
    catalogVersion: row.catalog_version,
  }))
}

/** A loaded catalog as the price book it was built from, in its order. */
export function bookOf(catalog: Catalog): PriceBook {
  return { components: [...catalog.components.values()], offerings: [...catalog.offerings.values()] }
}
