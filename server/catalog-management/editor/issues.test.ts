import { describe, expect, it } from 'vitest'
import priceBook from '../../../db/seed/price-book.json'
import { priceBookSchema } from '../../pricing/catalog-schema'
import type { $ZodIssue } from 'zod/v4/core'
import { componentsForm, nodeAt, offeringForm, type FormNode } from './form-tree'
import { zodIssueMessage } from './issues'
import { fieldWordsOf, humanise } from './labels'

const evergreenIndex = priceBook.offerings.findIndex((offering) => offering.slug === 'evergreen')

/** The issues of the seed book with one change, each in both languages with the field's node. */
function issuesOf(change: (book: typeof priceBook) => void) {
  const book = structuredClone(priceBook)
  change(book)
  const result = priceBookSchema.safeParse(book)
  if (result.success) throw new Error('expected a refusal')
  return result.error.issues.map((issue) => {
    const [, , ...within] = issue.path.map(String)
    return zodIssueMessage(issue as $ZodIssue, nodeAt(offeringForm, within, 'commitment_plan'))
  })
}

describe('zod issues in both languages', () => {
  it('gives bounds in the field’s unit', () => {
    expect(issuesOf((book) => ((book.offerings[evergreenIndex].rule as { plans: { allowanceBp: number }[] }).plans[1].allowanceBp = 200_000))).toEqual([
      { zh: '不能大于 1000%', en: 'At most 1000 %' },
    ])
    const custom = { code: 'custom', path: [], message: '' }
    expect(zodIssueMessage({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false, path: [], message: '', input: 0 } as $ZodIssue, { type: 'integer', unit: 'fen' })).toEqual({
      zh: '须大于 ¥0.00',
      en: 'Must be more than ¥0.00',
    })
    expect(zodIssueMessage({ ...custom, message: 'Something new' } as $ZodIssue, undefined)).toEqual({ zh: 'Something new', en: 'Something new' })
  })

  it('says what a list needs and what a schema’s own check means', () => {
    expect(issuesOf((book) => (book.offerings[evergreenIndex].segments = []))).toEqual([{ zh: '至少选择或填写 1 项', en: 'At least 1 entry' }])
    expect(issuesOf((book) => (book.offerings[evergreenIndex].categories = ['fixed_voice', 'mobile', 'broadband', 'vas']))).toEqual([
      { zh: '一个方案最多组合 3 个类别', en: 'An offering combines at most 3 categories' },
    ])
    expect(issuesOf((book) => (book.offerings[evergreenIndex].items[0].code = 'no-such-line'))).toEqual([{ zh: '没有代码为 no-such-line 的组件', en: 'There is no component no-such-line' }])
    expect(issuesOf((book) => ((book.offerings[evergreenIndex].rule as { negotiation: { minBp: number } }).negotiation.minBp = 10_500))).toEqual([
      { zh: '区间须包含申报的月均消费（下限 ≤ 100% ≤ 上限）', en: 'The band must include the declared average (lowest ≤ 100 % ≤ highest)' },
    ])
    expect(issuesOf((book) => (book.offerings[evergreenIndex].name.zh = ''))).toEqual([{ zh: '此项必填', en: 'Required' }])
  })
})

describe('field labels', () => {
  /** Every key of a form, with its dotted path (rows as 0). */
  function keysOf(node: FormNode, path: string): string[] {
    if (node.type === 'object') return node.fields.flatMap((field) => [path ? `${path}.${field.key}` : field.key, ...keysOf(field.node, path ? `${path}.${field.key}` : field.key)])
    if (node.type === 'array') return keysOf(node.item, `${path}.0`)
    if (node.type === 'record') return keysOf(node.value, `${path}.0`)
    if (node.type === 'union') return Object.values(node.variants).flatMap((variant) => keysOf(variant, path))
    return []
  }

  it('names every field of both forms in Chinese (a new argument without a name shows its key humanised)', () => {
    const unnamed = [...keysOf(offeringForm, ''), ...keysOf(componentsForm, '')].filter((path) => fieldWordsOf(path).label.zh === humanise(path.split('.').at(-1)!))
    expect(unnamed).toEqual([])
    expect(fieldWordsOf('rule.plans.1.commitmentBp').label).toEqual({ zh: '承诺额比例', en: 'Commitment' })
    expect(fieldWordsOf('components.2.needs').label.en).toBe('Needs')
    expect(fieldWordsOf('needs').label.en).toBe('Customer needs')
    expect(humanise('includedMobileUsagePerLine')).toBe('Included mobile usage per line')
    expect(humanise('longDistanceRateBp')).toBe('Long distance rate')
  })
})
