import type { $ZodIssue } from 'zod/v4/core'
import { text, type Text } from '../../pricing/labels'
import { formatAmount, type CodecProblem } from './codec'
import type { FormNode } from './form-tree'
import { fieldWordsOf, unitSign } from './labels'

/**
 * What is wrong with a field, in both languages: the codec's problems with what was typed, and the
 * common zod issue codes of the price book schemas (bounds in the field's unit: "at least ¥0.01",
 * "at most 1000 %"). Custom messages of the schemas are matched to their Chinese; any other is shown
 * as the schema wrote it.
 */

export const codecMessages: Record<CodecProblem, Text> = {
  required: text('此项必填', 'Required'),
  not_a_number: text('请填写数字（如 1,234.50）', 'Enter a number (e.g. 1,234.50)'),
  too_many_decimals: text('最多两位小数', 'At most two decimals'),
  not_whole: text('请填写整数', 'Enter a whole number'),
  too_large: text('数字过大，请核对', 'Too large a number; please check it'),
  unknown_kind: text('未知的规则类型', 'Unknown rule kind'),
  duplicate_key: text('此项与前面一行重复', 'Same as an earlier row'),
}

const bound = (value: number | bigint, node: FormNode | undefined): Text => {
  const amount = Number(value)
  if (node?.type !== 'integer' || !node.unit) return text(String(amount), String(amount))
  const shown = formatAmount(amount, node.unit)
  return node.unit === 'fen' ? text(`¥${shown}`, `¥${shown}`) : text(`${shown}${unitSign.bp.zh}`, `${shown} ${unitSign.bp.en}`)
}

const customMessages: [RegExp, (match: RegExpExecArray) => Text][] = [
  [/^component codes must be unique$/, () => text('组件代码不能重复', 'Component codes must be unique')],
  [/^offering slugs must be unique$/, () => text('方案标识不能重复', 'Offering slugs must be unique')],
  [/: unknown component (\S+)$/, (match) => text(`没有代码为 ${match[1]} 的组件`, `There is no component ${match[1]}`)],
  [
    /: component (\S+) is (\S+), which the offering does not combine$/,
    (match) => text(`组件 ${match[1]} 属于类别 ${match[2]}，本方案未选该类别`, `Component ${match[1]} is ${match[2]}, a category the offering does not combine`),
  ],
  [/^the last excess tier must be open-ended/, () => text('最后一档须不设上限（选“无”）', 'The last tier must be open-ended (choose “none”)')],
  [/^a selling point may not state a number/, () => text('卖点不能写数字：价格和比例由规则数据生成', 'A selling point may not state a number: prices and rates come from the rule data')],
  [/^the band must include the declared average/, () => text('区间须包含申报的月均消费（下限 ≤ 100% ≤ 上限）', 'The band must include the declared average (lowest ≤ 100 % ≤ highest)')],
  [/^only a component that takes building ports/, () => text('只有占用楼宇端口（语音或光纤）的组件才设每单上限', 'Only a component taking building ports (voice or fibre) has a per-order limit')],
  [/^an offering combines at most (\d+) categories$/, (match) => text(`一个方案最多组合 ${match[1]} 个类别`, `An offering combines at most ${match[1]} categories`)],
]

/** A zod issue of the price book schemas in both languages; `node` is the field it names (for its unit and kind). */
export function zodIssueMessage(issue: $ZodIssue, node: FormNode | undefined): Text {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? codecMessages.required : text('此项的值类型不对', 'This value has the wrong type')
    case 'too_small': {
      if (issue.origin === 'string') return codecMessages.required
      if (issue.origin === 'array' || issue.origin === 'set') return text(`至少选择或填写 ${issue.minimum} 项`, `At least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`)
      const value = bound(issue.minimum, node)
      return issue.inclusive === false ? text(`须大于 ${value.zh}`, `Must be more than ${value.en}`) : text(`不能小于 ${value.zh}`, `At least ${value.en}`)
    }
    case 'too_big': {
      const custom = customMessage(issue.message)
      if (custom) return custom
      if (issue.origin === 'string') return text(`最多 ${issue.maximum} 个字符`, `At most ${issue.maximum} characters`)
      if (issue.origin === 'array' || issue.origin === 'set') return text(`最多 ${issue.maximum} 项`, `At most ${issue.maximum} ${Number(issue.maximum) === 1 ? 'entry' : 'entries'}`)
      const value = bound(issue.maximum, node)
      return issue.inclusive === false ? text(`须小于 ${value.zh}`, `Must be less than ${value.en}`) : text(`不能大于 ${value.zh}`, `At most ${value.en}`)
    }
    case 'invalid_format':
      return text('只能用小写字母、数字和连字符，以字母或数字开头', 'Lower-case letters, digits and hyphens only, starting with a letter or digit')
    case 'invalid_key':
      return text('键只能用小写字母、数字和连字符（组件代码）', 'A key is a component code: lower-case letters, digits and hyphens')
    case 'invalid_value':
    case 'invalid_union':
      return text('请从列表中选择', 'Choose one of the listed values')
    case 'unrecognized_keys':
      return text(`未知字段：${issue.keys.join('、')}`, `Unknown fields: ${issue.keys.join(', ')}`)
    default:
      return customMessage(issue.message) ?? text(issue.message, issue.message)
  }
}

function customMessage(message: string): Text | undefined {
  for (const [pattern, words] of customMessages) {
    const match = pattern.exec(message)
    if (match) return words(match)
  }
  return undefined
}

/**
 * A component the components form removes (or renames) that a bundle still uses: said per bundle and
 * field, since the bundle's own form is where it must go first ("商务常青（evergreen）的“可选组件 第 2 项”").
 * `within` is the path inside the offering (`items.1.code`, `rule`); null when the issue is not about
 * a missing component.
 */
export function componentStillUsedMessage(issue: { message: string }, offering: { slug: string; name: Text }, within: readonly string[]): Text | null {
  const match = /: unknown component (\S+)$/.exec(issue.message)
  if (!match) return null
  const code = match[1]
  const label = fieldWordsOf(within[0] ?? '').label
  const row = within[0] === 'items' && /^\d+$/.test(within[1] ?? '') ? Number(within[1]) + 1 : null
  const field = row === null ? label : text(`${label.zh} 第 ${row} 项`, `${label.en} No. ${row}`)
  return text(
    `套餐“${offering.name.zh}”（${offering.slug}）的“${field.zh}”仍在使用组件 ${code}：请先在该套餐中改掉，再删除或改名此组件`,
    `Bundle “${offering.name.en}” (${offering.slug}) still uses component ${code} in “${field.en}”: change it there before removing or renaming the component`,
  )
}
