import { describe, expect, it } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { componentSchema, offeringSchema } from '../../pricing/catalog-schema'
import { z } from 'zod'
import { addRow, anchorOf, decode, encode, formatAmount, parseAmount, removeRow, type FormFields } from './codec'
import { componentsForm, nodeAt, offeringForm } from './form-tree'

const evergreen = priceBook.offerings.find((offering) => offering.slug === 'evergreen')!

describe('the editor forms generated from the price book schemas', () => {
  it('marks money as fen and rates as basis points, and an {zh, en} object as a text', () => {
    expect(nodeAt(offeringForm, ['rule', 'plans', 1, 'commitmentBp'], 'commitment_plan')).toMatchObject({ type: 'integer', unit: 'bp' })
    expect(nodeAt(offeringForm, ['rule', 'minimumX'], 'commitment_plan')).toMatchObject({ type: 'integer', unit: 'fen' })
    expect(nodeAt(offeringForm, ['rule', 'excessTiers', 0, 'upTo'], 'fixed_monthly_package')).toMatchObject({ type: 'integer', unit: 'fen', nullable: true })
    expect(nodeAt(offeringForm, ['rule', 'broadbandBundlePrices'], 'fixed_monthly_package')).toMatchObject({ type: 'record', value: { unit: 'fen' } })
    expect(nodeAt(offeringForm, ['name'])).toMatchObject({ type: 'text' })
    expect(nodeAt(offeringForm, ['segments'])).toMatchObject({ type: 'choices', values: ['lt50', '50to200', 'gt200'], minItems: 1 })
    expect(nodeAt(offeringForm, ['earlyTermination'])).toMatchObject({ type: 'object', nullable: true })
    expect(nodeAt(offeringForm, ['rule', 'introductory'], 'commitment_plan')).toMatchObject({ type: 'object', optional: true })
    expect(nodeAt(componentsForm, ['components', 0, 'needs', 'requiresCategory'])).toMatchObject({ type: 'enum', optional: true })
    expect(Object.keys(nodeAt(offeringForm, ['rule'])!.type === 'union' ? (nodeAt(offeringForm, ['rule']) as { variants: object }).variants : {})).toHaveLength(7)
  })
})

describe('form fields both ways', () => {
  it.each(priceBook.offerings.map((offering) => [offering.slug, offering] as const))('reads the form of offering %s back as the seed data', (_slug, offering) => {
    const { value, issues } = decode(offeringForm, encode(offeringForm, offering))
    expect(issues).toEqual([])
    // Defaults the seed leaves out come back written out (the form shows them): equal as the schema reads both.
    expect(offeringSchema.parse(value)).toEqual(offeringSchema.parse(offering))
  })

  it('reads the components form back as the seed components', () => {
    const { value, issues } = decode(componentsForm, encode(componentsForm, { components: priceBook.components }))
    expect(issues).toEqual([])
    expect(z.array(componentSchema).parse((value as { components: unknown }).components)).toEqual(z.array(componentSchema).parse(priceBook.components))
  })

  it('shows money in yuan and rates in percent, evergreen plan B committing 100 % of X', () => {
    const fields = encode(offeringForm, evergreen)
    expect(fields['rule.plans.1.commitmentBp']).toEqual(['100'])
    expect(fields['rule.plans.1.allowanceBp']).toEqual(['130'])
    expect(fields['rule.minimumX']).toEqual(['500.00'])
    expect(fields['rule.maximumX']).toEqual(['200,000.00'])
    expect(fields['rule.plans.#']).toEqual(['3'])
    expect(fields['rule.kind']).toEqual(['commitment_plan'])
    expect(fields['name.zh']).toEqual(['商务常青'])
    expect(fields.segments).toEqual(['lt50', '50to200', 'gt200'])
    expect(fields.listed).toEqual(['true'])
    // A group that is given shows its checkbox ticked; an absent optional one does not.
    expect(fields['rule.negotiation.$set']).toEqual(['on'])
    expect(fields['rule.introductory.$set']).toBeUndefined()
    expect(fields['earlyTermination.$set']).toEqual(['on'])
    // Defaults the seed leaves out are shown as their value.
    expect(fields['earlyTermination.perRemainingMonth']).toEqual(['0.00'])
  })

  it('reads a null as the "none" choice and a record as key/value rows', () => {
    const fixed = priceBook.offerings.find((offering) => offering.rule.kind === 'fixed_monthly_package')!
    const fields = encode(offeringForm, fixed)
    const last = Number(fields['rule.excessTiers.#'][0]) - 1
    expect(fields[`rule.excessTiers.${last}.upTo.$none`]).toEqual(['on'])
    expect(fields['rule.broadbandBundlePrices.0.$key']).toEqual([Object.keys((fixed.rule as { broadbandBundlePrices: object }).broadbandBundlePrices)[0]])
    const bare = priceBook.offerings.find((offering) => offering.earlyTermination === null)
    if (bare) expect(encode(offeringForm, bare)['earlyTermination.$set']).toBeUndefined()
    if (bare) expect((decode(offeringForm, encode(offeringForm, bare)).value as { earlyTermination: unknown }).earlyTermination).toBeNull()
  })

  it('takes evergreen plan B commitment and allowance as typed: 95 %, 1,234.5 yuan, full-width digits, ¥ and 元', () => {
    const fields: FormFields = {
      ...encode(offeringForm, evergreen),
      'rule.plans.1.commitmentBp': ['９５'],
      'rule.plans.1.allowanceBp': ['125.5 %'],
      'rule.minimumX': ['¥1,234.5'],
      'rule.maximumX': ['１２３４５６元'],
      'rule.care.minimum': ['￥100'],
    }
    const rule = (decode(offeringForm, fields).value as { rule: { plans: { commitmentBp: number; allowanceBp: number }[]; minimumX: number; maximumX: number; care: { minimum: number } } }).rule
    expect(rule.plans[1]).toMatchObject({ commitmentBp: 9500, allowanceBp: 12550 })
    expect(rule.minimumX).toBe(123450)
    expect(rule.maximumX).toBe(12345600)
    expect(rule.care.minimum).toBe(10000)
  })

  it('names the field of each value it cannot read, and leaves the value out', () => {
    const fields: FormFields = {
      ...encode(offeringForm, evergreen),
      'rule.plans.1.commitmentBp': ['abc'],
      'rule.plans.1.allowanceBp': ['12.345'],
      'rule.minimumX': ['1,2'],
      'rule.maximumX': [''],
      'rule.reviewMonths': ['2.5'],
      'rule.care.minimum': ['99999999999999999'],
    }
    const { value, issues } = decode(offeringForm, fields)
    expect(issues).toEqual([
      { field: 'rule.plans.1.commitmentBp', problem: 'not_a_number' },
      { field: 'rule.plans.1.allowanceBp', problem: 'too_many_decimals' },
      { field: 'rule.minimumX', problem: 'not_a_number' },
      { field: 'rule.maximumX', problem: 'required' },
      { field: 'rule.reviewMonths', problem: 'not_whole' },
      // Seventeen digits of yuan are no exact number of fen.
      { field: 'rule.care.minimum', problem: 'too_large' },
    ])
    expect((value as { rule: { plans: object[] } }).rule.plans[1]).toEqual({ id: 'B' })
  })

  it('formats and parses amounts', () => {
    expect(formatAmount(10000, 'bp')).toBe('100')
    expect(formatAmount(1250, 'bp')).toBe('12.5')
    expect(formatAmount(123456, 'fen')).toBe('1,234.56')
    expect(formatAmount(7, undefined)).toBe('7')
    expect(parseAmount('1,234.5', 'fen')).toEqual({ kind: 'number', value: 123450 })
    expect(parseAmount('１，２３４．５０', 'fen')).toEqual({ kind: 'number', value: 123450 })
    expect(parseAmount('¥ 0.01', 'fen')).toEqual({ kind: 'number', value: 1 })
    expect(parseAmount('100％', 'bp')).toEqual({ kind: 'number', value: 10000 })
    expect(parseAmount('0.01', 'bp')).toEqual({ kind: 'number', value: 1 })
    expect(parseAmount('', 'bp')).toEqual({ kind: 'empty' })
    expect(parseAmount('-5', 'fen')).toMatchObject({ kind: 'invalid' })
    expect(parseAmount('1.2.3', 'fen')).toMatchObject({ kind: 'invalid', problem: 'not_a_number' })
    expect(parseAmount('12', undefined)).toEqual({ kind: 'number', value: 12 })
    expect(parseAmount('１２', undefined)).toEqual({ kind: 'number', value: 12 })
  })
})

describe('rows', () => {
  it('adds an empty row and removes one, the rows after it moving up', () => {
    const fields = encode(offeringForm, evergreen)
    const added = addRow(fields, 'rule.plans')
    expect(added['rule.plans.#']).toEqual(['4'])
    const { issues } = decode(offeringForm, added)
    expect(issues).toEqual([
      { field: 'rule.plans.3.commitmentBp', problem: 'required' },
      { field: 'rule.plans.3.allowanceBp', problem: 'required' },
    ])
    const removed = removeRow(fields, 'rule.plans', 0)
    expect(removed['rule.plans.#']).toEqual(['2'])
    expect(removed['rule.plans.0.id']).toEqual(['B'])
    expect(removed['rule.plans.1.id']).toEqual(['C'])
    expect(removed['rule.plans.2.id']).toBeUndefined()
    // Another list whose name starts the same is left alone.
    expect(removed['rule.minimumX']).toEqual(fields['rule.minimumX'])
    expect(removeRow(fields, 'rule.plans', 7)).toBe(fields)
  })

  it('skips a record row added and left blank, and names a duplicate key', () => {
    const fixed = priceBook.offerings.find((offering) => offering.rule.kind === 'fixed_monthly_package')!
    const fields = addRow(encode(offeringForm, fixed), 'rule.broadbandBundlePrices')
    expect(decode(offeringForm, fields).issues).toEqual([])
    const last = Number(fields['rule.broadbandBundlePrices.#'][0]) - 1
    const duplicate = { ...fields, [`rule.broadbandBundlePrices.${last}.$key`]: fields['rule.broadbandBundlePrices.0.$key'], [`rule.broadbandBundlePrices.${last}.$value`]: ['1'] }
    expect(decode(offeringForm, duplicate).issues).toEqual([{ field: `rule.broadbandBundlePrices.${last}.$key`, problem: 'duplicate_key' }])
  })
})

describe('where an issue is shown', () => {
  const fields = encode(offeringForm, evergreen)
  it('at the field its path names', () => {
    expect(anchorOf(offeringForm, fields, ['rule', 'plans', 1, 'commitmentBp'])).toBe('rule.plans.1.commitmentBp')
    expect(anchorOf(offeringForm, fields, ['name', 'zh'])).toBe('name.zh')
  })
  it('at the deepest group the form has', () => {
    expect(anchorOf(offeringForm, fields, ['segments', 0])).toBe('segments')
    expect(anchorOf(offeringForm, fields, ['rule', 'plans', 9, 'id'])).toBe('rule.plans')
    expect(anchorOf(offeringForm, fields, [])).toBe('')
    expect(anchorOf(offeringForm, fields, ['nothing'])).toBe('')
  })
  it('at a record entry by its key', () => {
    const fixed = priceBook.offerings.find((offering) => offering.rule.kind === 'fixed_monthly_package')!
    const fixedFields = encode(offeringForm, fixed)
    const key = fixedFields['rule.broadbandBundlePrices.1.$key'][0]
    expect(anchorOf(offeringForm, fixedFields, ['rule', 'broadbandBundlePrices', key])).toBe('rule.broadbandBundlePrices.1.$value')
  })
})
