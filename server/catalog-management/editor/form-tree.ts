import { z } from 'zod'
import { componentSchema, offeringSchema } from '../../pricing/catalog-schema'

/**
 * The draft editor's forms, generated from the price book's zod schemas: z.toJSONSchema (input side,
 * so defaulted fields are optional) read into a small tree of the field kinds a form needs. The page
 * renders this tree and the codec reads posted fields back with it, so a new rule kind or a new
 * argument gets its form without any editor code (money and rates by the `unit` metadata of
 * server/pricing/primitives.ts).
 */

export type Unit = 'fen' | 'bp'

interface Common {
  /** May be absent (optional in the schema's input): an empty input or a cleared choice leaves it out. */
  optional?: boolean
  /** May be null: offered as a "none" choice. */
  nullable?: boolean
  /** The schema's .describe() text, if any (English). */
  description?: string
  /** What the schema fills in when the field is absent: shown as the field's value. */
  default?: unknown
}

export type FormNode = Common &
  (
    | { type: 'string'; pattern?: string; minLength?: number }
    | { type: 'integer'; unit?: Unit; minimum?: number; exclusiveMinimum?: number; maximum?: number }
    | { type: 'boolean' }
    | { type: 'enum'; values: string[] }
    /** A value fixed by the form (a rule's kind): shown, posted hidden. */
    | { type: 'const'; value: string }
    /** An object of exactly {zh, en} strings: two inputs side by side. */
    | { type: 'text' }
    | { type: 'object'; fields: FormField[] }
    /** A list of distinct choices: a group of checkboxes. */
    | { type: 'choices'; values: string[]; minItems?: number; maxItems?: number }
    | { type: 'array'; item: FormNode; minItems?: number; maxItems?: number }
    /** Keys and values as rows (a record). */
    | { type: 'record'; key: FormNode; value: FormNode }
    /** One of several objects told apart by `discriminator` (a price book rule by its kind). */
    | { type: 'union'; discriminator: string; variants: Record<string, FormNode & { type: 'object' }> }
  )

export interface FormField {
  key: string
  node: FormNode
}

export type ObjectNode = FormNode & { type: 'object' }

type Json = { [key: string]: unknown }

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** One JSON Schema (as z.toJSONSchema writes it) as a form node. */
export function formNodeOf(schema: Json, required = true): FormNode {
  const common: Common = {
    ...(required && !('default' in schema) ? {} : { optional: true }),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    ...('default' in schema ? { default: schema.default } : {}),
  }
  // `T | null` comes as anyOf [T, {type: null}].
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isJson)
    const value = branches.filter((branch) => branch.type !== 'null')
    if (value.length === 1 && branches.length === 2) return { ...formNodeOf({ ...value[0], ...withoutKeys(schema, ['anyOf']) }, required), nullable: true }
    throw new Error(`the editor has no field for a union of ${branches.length} branches`)
  }
  if (Array.isArray(schema.oneOf)) {
    const variants = schema.oneOf.filter(isJson).map((variant) => formNodeOf(variant))
    const discriminator = 'kind'
    const byKind: Record<string, ObjectNode> = {}
    for (const variant of variants) {
      const tag = variant.type === 'object' ? variant.fields.find((field) => field.key === discriminator)?.node : undefined
      if (variant.type !== 'object' || tag?.type !== 'const') throw new Error('the editor reads a union told apart by its kind only')
      byKind[tag.value] = variant
    }
    return { ...common, type: 'union', discriminator, variants: byKind }
  }
  if (typeof schema.const === 'string') return { ...common, type: 'const', value: schema.const }
  if (Array.isArray(schema.enum)) return { ...common, type: 'enum', values: schema.enum.map(String) }
  switch (schema.type) {
    case 'string':
      return { ...common, type: 'string', ...numberOf(schema, 'minLength'), ...(typeof schema.pattern === 'string' ? { pattern: schema.pattern } : {}) }
    case 'integer':
    case 'number':
      return {
        ...common,
        type: 'integer',
        ...(schema.unit === 'fen' || schema.unit === 'bp' ? { unit: schema.unit } : {}),
        ...numberOf(schema, 'minimum'),
        ...numberOf(schema, 'exclusiveMinimum'),
        ...numberOf(schema, 'maximum'),
      }
    case 'boolean':
      return { ...common, type: 'boolean' }
    case 'array': {
      const item = isJson(schema.items) ? formNodeOf(schema.items) : undefined
      if (!item) throw new Error('the editor reads arrays of one item schema only')
      const bounds = { ...numberOf(schema, 'minItems'), ...numberOf(schema, 'maxItems') }
      return item.type === 'enum' ? { ...common, type: 'choices', values: item.values, ...bounds } : { ...common, type: 'array', item, ...bounds }
    }
    case 'object': {
      if (isJson(schema.properties)) {
        const needed = new Set(Array.isArray(schema.required) ? schema.required : [])
        const fields = Object.entries(schema.properties)
          .filter((entry): entry is [string, Json] => isJson(entry[1]))
          .map(([key, property]) => ({ key, node: formNodeOf(property, needed.has(key)) }))
        const keys = fields.map((field) => field.key).sort().join(',')
        const isText = keys === 'en,zh' && fields.every((field) => field.node.type === 'string')
        return isText ? { ...common, type: 'text' } : { ...common, type: 'object', fields }
      }
      if (isJson(schema.additionalProperties)) {
        return { ...common, type: 'record', key: formNodeOf(isJson(schema.propertyNames) ? schema.propertyNames : { type: 'string' }), value: formNodeOf(schema.additionalProperties) }
      }
      throw new Error('the editor reads objects with properties or records only')
    }
    default:
      throw new Error(`the editor has no field for ${JSON.stringify(schema).slice(0, 80)}`)
  }
}

function numberOf<Key extends string>(schema: Json, key: Key): Partial<Record<Key, number>> {
  const value = schema[key]
  return typeof value === 'number' ? ({ [key]: value } as Record<Key, number>) : {}
}

function withoutKeys(schema: Json, keys: string[]): Json {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)))
}

function objectForm(schema: z.ZodType): ObjectNode {
  const node = formNodeOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json)
  if (node.type !== 'object') throw new Error('a form is an object')
  return node
}

/**
 * The two forms of the editor. The components form's root is `{ components }`, so its field names
 * are the price book's own paths (`components.3.termPrices.0.monthly`), as are its issues'.
 */
export const offeringForm: ObjectNode = objectForm(offeringSchema)
export const componentsForm: ObjectNode = objectForm(z.strictObject({ components: z.array(componentSchema) }))

/** The node a dotted path leads to (`rule.plans.1.commitmentBp`), the union's branch chosen by `kind`. */
export function nodeAt(root: FormNode, path: readonly (string | number)[], kind?: string): FormNode | undefined {
  let node: FormNode | undefined = root
  for (const segment of path) {
    if (!node) return undefined
    if (node.type === 'union') node = kind ? node.variants[kind] : undefined
    if (!node) return undefined
    switch (node.type) {
      case 'object':
        node = node.fields.find((field) => field.key === String(segment))?.node
        break
      case 'array':
        node = node.item
        break
      case 'record':
        node = node.value
        break
      case 'text':
        node = segment === 'zh' || segment === 'en' ? { type: 'string' } : undefined
        break
      default:
        return undefined
    }
  }
  return node
}
