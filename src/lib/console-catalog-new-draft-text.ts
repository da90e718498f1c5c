import type { NewDraftProblem } from '../../server/console/new-draft-flash'
import type { Lang } from './lang'

/** The price book's "new draft" form refused: a line at the top and each mistake beside its field (zh default, en). */
export const newDraftProblemText: Record<Lang, { refused: string; problems: Record<NewDraftProblem, string> }> = {
  zh: {
    refused: '草稿未建立，请按各项下的提示修改。',
    problems: {
      titleMissing: '请填写标题。',
      titleTooLong: '标题最多 120 字。',
      copyAsMissing: '复制套餐时，请填写新套餐代码。',
      copyAsWithoutOffering: '已填写新套餐代码：请选择要复制的套餐，或清空代码。',
      copyAsFormat: '新套餐代码只能用小写字母、数字和连字符，以字母或数字开头，最多 60 个字符（如 evergreen-pilot）。',
      copyAsTaken: '已有套餐使用这个代码，请换一个。',
      copyOfferingUnknown: '没有这个套餐，请从列表中选择。',
      invalid: '请检查此项。',
    },
  },
  en: {
    refused: 'The draft was not created: please correct the fields marked below.',
    problems: {
      titleMissing: 'Please give a title.',
      titleTooLong: 'A title has at most 120 characters.',
      copyAsMissing: 'Give the copied bundle its new code.',
      copyAsWithoutOffering: 'You gave a new bundle code: choose the bundle to copy, or clear the code.',
      copyAsFormat: 'A bundle code has lower-case letters, digits and hyphens only, starts with a letter or digit and has at most 60 characters (e.g. evergreen-pilot).',
      copyAsTaken: 'A bundle already has this code; please choose another.',
      copyOfferingUnknown: 'There is no such bundle; please choose one from the list.',
      invalid: 'Please check this field.',
    },
  },
}
