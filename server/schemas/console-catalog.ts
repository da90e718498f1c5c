import { z } from 'zod'
import { districts } from '../domain/districts'
import { offeringSlug } from '../pricing/primitives'
import { blankless, oneOrMany, shanghaiTimeSchema } from './form-fields'
import { freeText, line } from './text'

/** A catalog version's id as stored (v12-1a2b3c4d). */
export const catalogVersionId = z.string().regex(/^v\d{1,9}-[0-9a-f]{8}$/)

/**
 * A new draft: a copy of the catalog in force (optionally with one of its offerings copied under a new
 * slug, the start of a variant or pilot), or of an earlier version (a rollback).
 */
export const newCatalogDraftSchema = z
  .object({
    title: line().trim().min(1).max(120),
    fromVersion: blankless(catalogVersionId),
    copyOffering: blankless(offeringSlug),
    copyAs: blankless(offeringSlug),
  })
  .refine((input) => (input.copyOffering === undefined) === (input.copyAs === undefined), { path: ['copyAs'], message: 'name the offering to copy and its new slug together' })
export type NewCatalogDraftInput = z.infer<typeof newCatalogDraftSchema>

/** A whole price book saved over the revision the editor read (checked in full by the lifecycle). */
export const saveCatalogDraftSchema = z.object({ book: z.unknown(), revision: z.number().int().nonnegative() })

/** Building ids as a form's text field gives them (one per line, or separated by commas or spaces) or as a JSON list. */
const buildingIdList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[\s,，、]+/).filter(Boolean) : value),
  z.array(line().min(1).max(64)).max(500),
)

/**
 * An approval: when the version goes live (Shanghai time; empty = now), until when (empty = no end) and
 * where (no district and no building = everywhere; otherwise only there: a pilot).
 */
export const approveCatalogDraftSchema = z.object({
  publishAt: blankless(shanghaiTimeSchema),
  validUntil: blankless(shanghaiTimeSchema),
  districts: oneOrMany(z.enum(districts)).pipe(z.array(z.enum(districts)).max(districts.length)),
  buildingIds: blankless(buildingIdList),
  comment: blankless(freeText().trim().max(1000)),
})
export type ApproveCatalogDraftInput = z.infer<typeof approveCatalogDraftSchema>

/** Sending back or rejecting says why, so the author knows what to change. */
export const decideCatalogDraftSchema = z.object({ comment: freeText().trim().min(1).max(1000) })
