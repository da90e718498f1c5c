import { fieldWordsOf } from '../../server/catalog-management/editor/labels'
import type { Lang } from './lang'

/** The draft editor's own words (the fields' names come from server/catalog-management/editor/labels.ts). */
export const catalogEditorText = {
  zh: {
    offeringTitle: (name: string) => `编辑方案：${name}`,
    componentsTitle: '编辑组件与合约价',
    draft: (title: string, revision: number) => `草稿「${title}」· 第 ${revision} 版`,
    backToDraft: '返回草稿',
    offerings: '方案',
    componentsLink: '组件与合约价',
    save: '保存',
    saved: '已保存。',
    readOnly: '此草稿只读：仅市场部和管理员可编辑状态为草稿或已退回的草稿。',
    notEditable: '此草稿已提交或已决定，不能再编辑。您输入的内容保留在下方。',
    stale: '打开此表单后，这份草稿又被保存过（可能是他人，或您在另一个窗口）。您输入的内容保留在下方；检查后再次保存将以您的内容为准。',
    problems: (count: number) => `有 ${count} 处需要修改`,
    rows: '已更改行，尚未保存。',
    addRow: '添加一行',
    remove: '删除',
    row: (n: number) => `第 ${n} 项`,
    none: '无',
    include: '设置此项',
    key: '键',
    zh: '中文',
    en: 'English',
    chooseNone: '— 无 —',
    fixed: '（不可更改）',
    formLevel: '整个表单',
    notFound: '没有这个草稿或方案。',
  },
  en: {
    offeringTitle: (name: string) => `Edit offering: ${name}`,
    componentsTitle: 'Edit components and term prices',
    draft: (title: string, revision: number) => `Draft “${title}” · revision ${revision}`,
    backToDraft: 'Back to the draft',
    offerings: 'Offerings',
    componentsLink: 'Components and term prices',
    save: 'Save',
    saved: 'Saved.',
    readOnly: 'This draft is read-only here: marketing and admins edit a draft while it is a draft or sent back.',
    notEditable: 'This draft has been submitted or decided and can no longer be edited. What you typed is kept below.',
    stale: 'This draft was saved again after you opened this form (by someone else, or by you in another window). What you typed is kept below; saving again after a look makes yours the saved one.',
    problems: (count: number) => `${count} ${count === 1 ? 'field' : 'fields'} to correct`,
    rows: 'Rows changed, not saved yet.',
    addRow: 'Add row',
    remove: 'Remove',
    row: (n: number) => `No. ${n}`,
    none: 'None',
    include: 'Set this',
    key: 'Key',
    zh: '中文',
    en: 'English',
    chooseNone: '— none —',
    fixed: '(fixed)',
    formLevel: 'The whole form',
    notFound: 'There is no such draft or offering.',
  },
} as const

/** A field's place in words, for the list of problems: "定价规则 › 档位方案 第 2 项 › 承诺额比例". */
export function fieldPlace(lang: Lang, path: string): string {
  if (path === '') return catalogEditorText[lang].formLevel
  const segments = path.split('.')
  const words: string[] = []
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) words[words.length - 1] = `${words.at(-1) ?? ''} ${catalogEditorText[lang].row(Number(segment) + 1)}`
    else if (segment === 'zh' || segment === 'en') words.push(catalogEditorText[lang][segment])
    else if (!segment.startsWith('$')) words.push(fieldWordsOf(segments.slice(0, index + 1).join('.')).label[lang])
  })
  return words.join(' › ')
}

/** The id of a field's input (or group) in the editor form: `f-rule.plans.1.commitmentBp`; the form itself for ''. */
export const fieldId = (path: string) => (path === '' ? 'editor-form' : `f-${path}`)
