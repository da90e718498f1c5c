import { z } from 'zod'
import { districts } from '../domain/districts'
import { offeringSlug } from '../pricing/primitives'
import { blankless, oneOrMany, shanghaiTimeSchema } from './form-fields'
import { freeText, line } from './text'

/** A catalog version's id as stored (v12-1a2b3c4d). */
export const catalogVersionId = z.string().regex(/^v\d{1,9}-[0-9a-f]{8}$/)

/**
 * What can be wrong with a new draft's fields, each said apart (the console shows each beside its
 * field in its own words: server/console/new-draft-flash.ts). The new code given without a bundle is
 * the bundle's field to correct.
 */
export const newDraftIssues = {
  titleMissing: 'give the draft a title',
  titleTooLong: 'a title has at most 120 characters',
  copyAsMissing: 'give the copied offering its new slug',
  copyAsWithoutOffering: 'choose the offering to copy for the new slug',
  copyAsFormat: 'a new slug has lower-case letters, digits and hyphens only, starting with a letter or digit (at most 60)',
  copyAsTaken: 'an offering with this slug already exists',
  copyOfferingUnknown: 'unknown offering',
} as const

/** A typed code as it is meant: full-width letters, digits and hyphens (ｅｖｅｒｇｒｅｅｎ－２) as ASCII, lower case. */
const typedCode = (value: unknown) => (typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : value)

/**
 * A new draft: a copy of the catalog in force (optionally with one of its offerings copied under a new
 * slug, the start of a variant or pilot), or of an earlier version (a rollback).
 */
export const newCatalogDraftSchema = z
  .object({
    title: line().trim().min(1, newDraftIssues.titleMissing).max(120, newDraftIssues.titleTooLong),
    fromVersion: blankless(catalogVersionId),
    copyOffering: blankless(offeringSlug),
    copyAs: blankless(z.preprocess(typedCode, z.string().refine((value) => offeringSlug.safeParse(value).success, newDraftIssues.copyAsFormat))),
  })
  .superRefine((input, ctx) => {
    if (input.copyOffering !== undefined && input.copyAs === undefined) ctx.addIssue({ code: 'custom', path: ['copyAs'], message: newDraftIssues.copyAsMissing })
    if (input.copyOffering === undefined && input.copyAs !== undefined) ctx.addIssue({ code: 'custom', path: ['copyOffering'], message: newDraftIssues.copyAsWithoutOffering })
  })
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
