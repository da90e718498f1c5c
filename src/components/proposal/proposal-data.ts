import type { BuildingRow, ManagerRow } from '../../../db/schema'
import type { LocalizedText } from '../../../server/pricing/catalog-schema'
import { findBuildingWithManager } from '../../../server/repositories/buildings-repository'
import { findQuote } from '../../../server/repositories/quotes-repository'
import type { Quote } from '../../../server/schemas/quote'
import { currentServices } from '../../../server/services/registry'

export type ProposalState =
  | { kind: 'not_found'; id: string }
  | { kind: 'expired'; quote: Quote; offeringName: LocalizedText | null }
  | {
      kind: 'ok'
      quote: Quote
      offeringName: LocalizedText | null
      building: BuildingRow | null
      manager: ManagerRow | null
      now: Date
    }

/** 404 for an unknown quote, 410 Gone for an expired one (its prices must not be shown any more). */
export function proposalStatus(state: ProposalState): number {
  return state.kind === 'not_found' ? 404 : state.kind === 'expired' ? 410 : 200
}

/** The quote behind a proposal, with what the page shows about it. */
export async function loadProposal(id: string): Promise<ProposalState> {
  const { db, catalogs, now } = currentServices()
  const quote = await findQuote(db, id)
  if (!quote) return { kind: 'not_found', id }
  const catalog = await catalogs.byVersion(quote.catalogVersion)
  const offeringName = catalog.offerings.get(quote.offering)?.name ?? null
  const at = now()
  if (Date.parse(quote.expiresAt) < at.getTime()) return { kind: 'expired', quote, offeringName }
  const found = quote.buildingId ? await findBuildingWithManager(db, quote.buildingId) : undefined
  return { kind: 'ok', quote, offeringName, building: found?.building ?? null, manager: found?.manager ?? null, now: at }
}
