import { z } from 'zod'
import { isValidCreditCode } from './credit-code'
import { MAINLAND_MOBILE, normalizeMobile } from '../schemas/mainland-mobile'

/*
 * Cleaning a tenant list, one value and one row at a time (pure: the import and the manager's edit
 * form both clean with it). Every text is NFKC-normalised (full-width letters, digits and brackets
 * become their ASCII forms), stripped of control and zero-width characters, its runs of spaces made
 * one and trimmed.
 */

/** A tenant's fields, as the API, the import and the edit form name them. */
export const tenantFields = ['company', 'creditCode', 'floor', 'unit', 'contactName', 'mobile', 'email', 'staffSize', 'carrier'] as const
export type TenantField = (typeof tenantFields)[number]

/** A tenant's values once cleaned; null where the list says nothing. */
export interface TenantValues {
  company: string
  creditCode: string | null
  floor: string | null
  unit: string | null
  contactName: string | null
  mobile: string | null
  email: string | null
  staffSize: number | null
  carrier: string | null
}

/** Why a row (or a value typed by hand) is refused. */
export const tenantRefusals = [
  'company_missing',
  'credit_code_invalid',
  'mobile_invalid',
  'email_invalid',
  'staff_size_invalid',
  'too_long',
  'building_missing',
  'building_unknown',
  'building_other',
  'name_conflict',
  'code_conflict',
] as const
export type TenantRefusal = (typeof tenantRefusals)[number]

export interface TenantIssue {
  field: TenantField | 'building'
  reason: TenantRefusal
}

const maxLength: Record<Exclude<TenantField, 'staffSize' | 'creditCode' | 'mobile'>, number> = {
  company: 100,
  floor: 20,
  unit: 30,
  contactName: 50,
  email: 200,
  carrier: 40,
}

// Zero-width characters and the BOM hide in copied cells; controls (tabs, line breaks) become spaces.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g
const SPACES = /\s+/g

/** NFKC, no invisible or control characters, single spaces, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(SPACES, ' ').trim()
}

/** How duplicate names are found: the cleaned name in lower case without spaces or punctuation. */
export function companyNameKey(company: string): string {
  return cleanText(company).toLowerCase().replace(/[\s\p{P}]/gu, '')
}

/** The major carriers under one name each, however a list spells them; other carriers as typed. */
const CARRIERS: [RegExp, string][] = [
  [/^(中国)?电信|^(china ?)?telecom$|^ct$/i, '中国电信'],
  [/^(中国)?联通|^(china ?)?unicom$|^cu(cc)?$/i, '中国联通'],
  [/^(中国)?移动|^china ?mobile$|^cmcc$|^cm$/i, '中国移动'],
  [/^(中国)?广电|^(china ?)?broadnet$|^cbn$/i, '中国广电'],
]

const emailSchema = z.email()
const STAFF_SIZE = /^(\d{1,7})(人|名|people|persons|staff|employees)?$/i

type Cleaned<T> = { value: T } | { issue: TenantRefusal }

function cleanCreditCode(text: string): Cleaned<string> {
  const code = text.replace(/[\s-]/g, '').toUpperCase()
  return isValidCreditCode(code) ? { value: code } : { issue: 'credit_code_invalid' }
}

function cleanMobile(text: string): Cleaned<string> {
  const mobile = normalizeMobile(text.replace(/[()]/g, ''))
  return MAINLAND_MOBILE.test(mobile) ? { value: mobile } : { issue: 'mobile_invalid' }
}

function cleanStaffSize(text: string): Cleaned<number> {
  const match = STAFF_SIZE.exec(text.replace(/[,\s]/g, ''))
  const size = match ? Number(match[1]) : NaN
  return size >= 1 ? { value: size } : { issue: 'staff_size_invalid' }
}

function cleanEmail(text: string): Cleaned<string> {
  const email = text.replace(/^mailto:/i, '').toLowerCase()
  if (email.length > maxLength.email) return { issue: 'too_long' }
  return emailSchema.safeParse(email).success ? { value: email } : { issue: 'email_invalid' }
}

/** A carrier as the tenant list stores it (联通, China Unicom and ＣＵＣＣ are all 中国联通): how a filter finds it. */
export const carrierName = (text: string): string => cleanCarrier(cleanText(text))

function cleanCarrier(text: string): string {
  return CARRIERS.find(([pattern]) => pattern.test(text))?.[1] ?? text
}

/**
 * One tenant's values from raw texts (an import row's cells or a form's fields): each cleaned and
 * checked, or the issues found (every one, in field order). An empty value is null; the company is required.
 */
export function cleanTenant(raw: Partial<Record<TenantField, string | null | undefined>>): { values: TenantValues } | { issues: TenantIssue[] } {
  const issues: TenantIssue[] = []
  const text = (field: TenantField) => {
    const value = cleanText(raw[field] ?? '')
    return value === '' ? null : value
  }
  const limited = (field: keyof typeof maxLength) => {
    const value = text(field)
    if (value !== null && value.length > maxLength[field]) {
      issues.push({ field, reason: 'too_long' })
      return null
    }
    return value
  }
  const checked = <T>(field: TenantField, clean: (value: string) => Cleaned<T>): T | null => {
    const value = text(field)
    if (value === null) return null
    const result = clean(value)
    if ('issue' in result) {
      issues.push({ field, reason: result.issue })
      return null
    }
    return result.value
  }

  const company = limited('company')
  if (company === null && !issues.some((issue) => issue.field === 'company')) issues.unshift({ field: 'company', reason: 'company_missing' })
  const values = {
    company: company ?? '',
    creditCode: checked('creditCode', cleanCreditCode),
    floor: limited('floor'),
    unit: limited('unit'),
    contactName: limited('contactName'),
    mobile: checked('mobile', cleanMobile),
    email: checked('email', cleanEmail),
    staffSize: checked('staffSize', cleanStaffSize),
    carrier: ((value) => (value === null ? null : cleanCarrier(value)))(limited('carrier')),
  }
  return issues.length > 0 ? { issues } : { values }
}

/** The fields whose values differ between two versions of a tenant. */
export function changedFields(before: TenantValues, after: TenantValues): TenantField[] {
  return tenantFields.filter((field) => before[field] !== after[field])
}

/*
 * Reading a list's header: each column's title, in Chinese or English, as a field. Titles are
 * compared cleaned, in lower case, without spaces and punctuation ("E-mail", "电子邮箱：" …).
 */

export type ImportColumn = TenantField | 'floorUnit' | 'building'

const headerTitles: Record<ImportColumn, string[]> = {
  company: ['公司名称', '公司', '企业名称', '企业', '单位名称', '租户', '租户名称', '客户名称', 'company', 'companyname', 'tenant', 'tenantname', 'name'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', 'creditcode', 'uscc', 'unifiedsocialcreditcode', 'socialcreditcode'],
  floor: ['楼层', '层', '所在楼层', 'floor'],
  unit: ['单元', '单元号', '房号', '房间', '房间号', '室', '门牌号', 'unit', 'room', 'suite'],
  floorUnit: ['楼层单元', '楼层房号', '位置', '楼层及单元', 'floorunit', 'location'],
  contactName: ['联系人', '联系人姓名', '姓名', 'contact', 'contactname', 'contactperson'],
  mobile: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系手机', 'mobile', 'mobilephone', 'mobilenumber', 'phone', 'cell'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'emailaddress', 'mail'],
  staffSize: ['员工人数', '人数', '员工数', '员工数量', '规模', '企业规模', 'staffsize', 'staff', 'employees', 'headcount', 'size'],
  carrier: ['现有运营商', '运营商', '当前运营商', '现运营商', 'currentcarrier', 'carrier', 'operator'],
  building: ['楼宇', '楼宇编号', '楼宇名称', '大楼', '大厦', '楼宇id', 'building', 'buildingid', 'buildingname'],
}

const titleKey = (title: string) => cleanText(title).toLowerCase().replace(/[\s\p{P}]/gu, '')
const columnByTitle = new Map(Object.entries(headerTitles).flatMap(([column, titles]) => titles.map((title) => [titleKey(title), column as ImportColumn])))

/** Which column holds which field (the first column of a title wins); undefined unless a company column is found. */
export function readHeader(cells: string[]): Map<ImportColumn, number> | undefined {
  const columns = new Map<ImportColumn, number>()
  cells.forEach((cell, index) => {
    const column = columnByTitle.get(titleKey(cell))
    if (column && !columns.has(column)) columns.set(column, index)
  })
  return columns.has('company') ? columns : undefined
}

/** A combined "floor/unit" cell ("12F/1203", "12层 1203室") as its two parts; one part alone is the floor. */
export function splitFloorUnit(value: string): { floor: string; unit: string } {
  const text = cleanText(value)
  const parts = text.split(/\s*[/\\|,，;]\s*|\s+/).filter(Boolean)
  return parts.length >= 2 ? { floor: parts[0], unit: parts.slice(1).join(' ') } : { floor: text, unit: '' }
}

/** A data row's raw texts by field (and its building cell), as the header maps them. */
export function rowFields(cells: string[], columns: Map<ImportColumn, number>): { raw: Partial<Record<TenantField, string>>; building: string } {
  const cell = (column: ImportColumn) => {
    const index = columns.get(column)
    return index === undefined ? '' : (cells[index] ?? '')
  }
  const raw: Partial<Record<TenantField, string>> = {}
  for (const field of tenantFields) raw[field] = cell(field)
  if (columns.has('floorUnit') && !cleanText(raw.floor ?? '') && !cleanText(raw.unit ?? '')) Object.assign(raw, splitFloorUnit(cell('floorUnit')))
  return { raw, building: cleanText(cell('building')) }
}

/** A row with nothing in it (spreadsheets end in many): skipped, not refused. */
export const isBlankRow = (cells: string[]) => cells.every((cell) => cleanText(cell ?? '') === '')
