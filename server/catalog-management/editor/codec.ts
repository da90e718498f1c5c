import { formatYuan } from '../../pricing/money'
import { statementAmount } from '../../schemas/console-orders'
import { parseCount, parseYuan, type TypedNumberProblem } from '../../../src/lib/typed-number'
import type { FormNode, Unit } from './form-tree'

/**
 * The draft editor's forms as plain HTML form fields, both ways. A field's name is its dotted path
 * from the form's root (`rule.plans.1.commitmentBp`); a few markers carry what HTML leaves out:
 *
 *   `<list>.#`          how many rows a list (or record) has, so an empty row still counts
 *   `<record>.<i>.$key` / `.$value`   a record's rows (broadband bundle prices by speed)
 *   `<path>.$set`       an optional or nullable group is given (a checkbox)
 *   `<path>.$none`      a nullable value is "none" (a checkbox)
 *
 * A checkbox that is not ticked posts nothing: a boolean or a choice absent from the post is false or
 * unchosen. Fields keep what was typed (`FormFields`), so a refused form is shown again exactly as it
 * was; `decode` reads them into the price book's data or names what could not be read.
 */

export type FormFields = Record<string, string[]>

export type CodecProblem = TypedNumberProblem | 'required' | 'unknown_kind' | 'duplicate_key'

/** A field that could not be read, by its name in the form. */
export interface CodecIssue {
  field: string
  problem: CodecProblem
}

/** Rows a list may have in a form: far beyond any price book's, small enough to refuse a flood. */
export const MAX_ROWS = 200

export const ROWS = '#'
export const KEY = '$key'
export const VALUE = '$value'
export const SET = '$set'
export const NONE = '$none'
const ON = 'on'

export const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)

/** An optional group without a default, or a nullable one: given or not, by a checkbox. */
export const isToggled = (node: FormNode) => node.type === 'object' && (node.nullable === true || (node.optional === true && node.default === undefined))

/** Fen as yuan (`1,234.50`) and basis points as a percentage (`10000` → `100`), as the form shows them. */
export function formatAmount(value: number, unit: Unit | undefined): string {
  if (unit === 'fen') return formatYuan(value, 'en').replace('¥', '')
  if (unit === 'bp') return String(value / 100)
  return String(value)
}

/**
 * Typed text as the integer the schema stores: yuan to fen ("¥1,234.5", "１２３４．５", "1234.5元"),
 * a percentage to basis points ("12.5", "12.5 %": a percentage with two decimals is whole basis points,
 * the same arithmetic as yuan to fen), otherwise a whole number.
 */
export function parseAmount(typed: string, unit: Unit | undefined): { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; problem: TypedNumberProblem } {
  if (unit === 'fen') return parseYuan(statementAmount(typed))
  if (unit === 'bp') return parseYuan(typed.normalize('NFKC').trim().replace(/%$/, ''))
  return parseCount(typed)
}

const one = (fields: FormFields, name: string) => fields[name]?.[0] ?? ''

/** How many rows a list has in the form (its marker), bounded. */
export function rowCount(fields: FormFields, path: string): number {
  const count = Number.parseInt(one(fields, join(path, ROWS)), 10)
  return Number.isSafeInteger(count) && count > 0 ? Math.min(count, MAX_ROWS) : 0
}

/** The form fields showing `value` (the price book's data, as stored or as the schema's input). */
export function encode(node: FormNode, value: unknown, path = ''): FormFields {
  const fields: FormFields = {}
  write(node, value, path, fields)
  return fields
}

function write(node: FormNode, given: unknown, path: string, fields: FormFields): void {
  const value = given === undefined ? node.default : given
  switch (node.type) {
    case 'string':
    case 'enum':
      fields[path] = [typeof value === 'string' ? value : '']
      return
    case 'const':
      fields[path] = [node.value]
      return
    case 'integer':
      if (value === null) fields[join(path, NONE)] = [ON]
      fields[path] = [typeof value === 'number' ? formatAmount(value, node.unit) : '']
      return
    case 'boolean':
      if (value === true) fields[path] = ['true']
      return
    case 'text': {
      const text = (value ?? {}) as { zh?: unknown; en?: unknown }
      fields[join(path, 'zh')] = [typeof text.zh === 'string' ? text.zh : '']
      fields[join(path, 'en')] = [typeof text.en === 'string' ? text.en : '']
      return
    }
    case 'choices':
      fields[path] = Array.isArray(value) ? value.map(String) : []
      return
    case 'object': {
      const given = typeof value === 'object' && value !== null
      if (isToggled(node) && given) fields[join(path, SET)] = [ON]
      const object = (given ? value : {}) as Record<string, unknown>
      for (const field of node.fields) write(field.node, object[field.key], join(path, field.key), fields)
      return
    }
    case 'array': {
      const rows = Array.isArray(value) ? value : []
      fields[join(path, ROWS)] = [String(rows.length)]
      rows.forEach((row, index) => write(node.item, row, join(path, index), fields))
      return
    }
    case 'record': {
      const entries = typeof value === 'object' && value !== null ? Object.entries(value) : []
      fields[join(path, ROWS)] = [String(entries.length)]
      entries.forEach(([key, entry], index) => {
        write(node.key, key, join(join(path, index), KEY), fields)
        write(node.value, entry, join(join(path, index), VALUE), fields)
      })
      return
    }
    case 'union': {
      const kind = (value as { [key: string]: unknown } | undefined)?.[node.discriminator]
      const variant = typeof kind === 'string' ? node.variants[kind] : undefined
      if (variant) write(variant, value, path, fields)
      return
    }
  }
}

/**
 * The price book's data the form fields stand for, and what could not be read (by field name). An
 * unreadable field is left out of the value; the schema then also refuses it, and the page shows the
 * codec's words for it (they say what was wrong with the typing).
 */
export function decode(node: FormNode, fields: FormFields, path = ''): { value: unknown; issues: CodecIssue[] } {
  const issues: CodecIssue[] = []
  const value = read(node, fields, path, issues)
  return { value, issues }
}

function read(node: FormNode, fields: FormFields, path: string, issues: CodecIssue[]): unknown {
  const missing = () => {
    if (!node.optional) issues.push({ field: path, problem: 'required' })
    return undefined
  }
  switch (node.type) {
    case 'string': {
      const typed = one(fields, path).trim()
      return typed === '' && node.optional ? undefined : typed
    }
    case 'enum': {
      const typed = one(fields, path)
      return typed === '' ? missing() : typed
    }
    case 'const':
      return node.value
    case 'integer': {
      if (node.nullable && one(fields, join(path, NONE)) === ON) return null
      const typed = parseAmount(one(fields, path), node.unit)
      if (typed.kind === 'empty') return missing()
      if (typed.kind === 'invalid') {
        issues.push({ field: path, problem: typed.problem })
        return undefined
      }
      return typed.value
    }
    case 'boolean':
      return one(fields, path) === 'true'
    case 'text':
      return { zh: one(fields, join(path, 'zh')).trim(), en: one(fields, join(path, 'en')).trim() }
    case 'choices':
      return [...new Set(fields[path] ?? [])]
    case 'object': {
      if (isToggled(node) && one(fields, join(path, SET)) !== ON) return node.nullable ? null : undefined
      const object: Record<string, unknown> = {}
      for (const field of node.fields) {
        const value = read(field.node, fields, join(path, field.key), issues)
        if (value !== undefined) object[field.key] = value
      }
      return object
    }
    case 'array':
      // A row that could not be read stays in its place (as null), so the schema's paths still name the rows as shown.
      return Array.from({ length: rowCount(fields, path) }, (_, index) => read(node.item, fields, join(path, index), issues) ?? null)
    case 'record': {
      const entries: [string, unknown][] = []
      for (let index = 0; index < rowCount(fields, path); index++) {
        const keyField = join(join(path, index), KEY)
        const valueField = join(join(path, index), VALUE)
        const key = one(fields, keyField).trim()
        // A row added and left blank is no entry.
        if (key === '' && one(fields, valueField).trim() === '') continue
        if (key === '') issues.push({ field: keyField, problem: 'required' })
        else if (entries.some(([earlier]) => earlier === key)) issues.push({ field: keyField, problem: 'duplicate_key' })
        const value = read(node.value, fields, valueField, issues)
        if (key !== '') entries.push([key, value])
      }
      return Object.fromEntries(entries)
    }
    case 'union': {
      const kind = one(fields, join(path, node.discriminator))
      const variant = node.variants[kind]
      if (!variant) {
        issues.push({ field: join(path, node.discriminator), problem: 'unknown_kind' })
        return undefined
      }
      return read(variant, fields, path, issues)
    }
  }
}

/** The fields with one more (empty) row in the list at `path`. */
export function addRow(fields: FormFields, path: string): FormFields {
  return { ...fields, [join(path, ROWS)]: [String(Math.min(rowCount(fields, path) + 1, MAX_ROWS))] }
}

/** The fields without row `index` of the list at `path`, the rows after it moved up one. */
export function removeRow(fields: FormFields, path: string, index: number): FormFields {
  const count = rowCount(fields, path)
  if (index < 0 || index >= count) return fields
  const prefix = `${join(path, '')}`
  const result: FormFields = {}
  for (const [name, values] of Object.entries(fields)) {
    const row = name.startsWith(prefix) ? /^(\d+)(\..*)?$/.exec(name.slice(prefix.length)) : null
    if (!row) result[name] = values
    else if (Number(row[1]) < index) result[name] = values
    else if (Number(row[1]) > index) result[`${prefix}${Number(row[1]) - 1}${row[2] ?? ''}`] = values
  }
  result[join(path, ROWS)] = [String(count - 1)]
  return result
}

/**
 * The field (or group) in the form an issue's path names, as far as the form has it: a record's
 * entry by its key's row, a union by the kind posted, a path beyond the form's fields at the
 * deepest group it reaches (`''` is the whole form). Issues are shown beside that field.
 */
export function anchorOf(root: FormNode, fields: FormFields, path: readonly (string | number)[]): string {
  let node: FormNode = root
  let anchor = ''
  for (const segment of path.map(String)) {
    if (node.type === 'union') {
      const variant: FormNode | undefined = node.variants[one(fields, join(anchor, node.discriminator))]
      if (!variant) return anchor
      node = variant
    }
    if (node.type === 'object') {
      const field = node.fields.find((candidate) => candidate.key === segment)
      if (!field) return anchor
      node = field.node
      anchor = join(anchor, segment)
    } else if (node.type === 'array' && /^\d+$/.test(segment) && Number(segment) < rowCount(fields, anchor)) {
      node = node.item
      anchor = join(anchor, segment)
    } else if (node.type === 'record') {
      const index = Array.from({ length: rowCount(fields, anchor) }, (_, row) => row).find((row) => one(fields, join(join(anchor, row), KEY)).trim() === segment)
      if (index === undefined) return anchor
      node = node.value
      anchor = join(join(anchor, index), VALUE)
    } else if (node.type === 'text' && (segment === 'zh' || segment === 'en')) {
      return join(anchor, segment)
    } else {
      return anchor
    }
  }
  return anchor
}

/** Form fields as a form post gives them (Hono's parseBody with `all`): strings only, files dropped. */
export function formFieldsOf(body: Record<string, unknown>, skip: readonly string[] = []): FormFields {
  const fields: FormFields = {}
  for (const [name, value] of Object.entries(body)) {
    if (skip.includes(name)) continue
    const strings = [value].flat().filter((entry): entry is string => typeof entry === 'string')
    if (strings.length > 0) fields[name] = strings
  }
  return fields
}
