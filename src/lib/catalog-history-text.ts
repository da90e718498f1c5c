import type { NamedChanges } from '../../server/catalog-management/book-diff'
import type { Release } from '../../server/catalog-management/release-resolution'
import { auditFactsText, oneOf, recordedValueText, said } from './audit-facts-text'
import { consoleCatalogText } from './console-catalog-text'
import type { Lang } from './lang'
import { releaseWhere } from './release-where'

/**
 * A catalog draft's audit row's before or after as lines of facts, in the page's language: its
 * status, the offerings and components a save changed, and where and when an approval publishes.
 */
export function catalogAuditFactsText(values: unknown, lang: Lang): string[] {
  const text = consoleCatalogText[lang]
  const facts = text.auditFacts
  /** "Offerings: added a; changed b" — nothing for a kind the save left alone. */
  const changes = (label: string, named: NamedChanges | undefined) => {
    const parts = (['added', 'removed', 'changed'] as const).filter((kind) => (named?.[kind].length ?? 0) > 0).map((kind) => `${text.draft[kind]} ${recordedValueText(named![kind], lang)}`)
    return parts.length > 0 ? said(label, parts.join(lang === 'zh' ? '；' : '; '), lang) : undefined
  }
  return auditFactsText(values, lang, (key, value) => {
    switch (key) {
      case 'status':
        return said(facts.status, oneOf(text.statuses, value, lang), lang)
      case 'baseVersion':
      case 'revision':
      case 'catalogVersion':
        return said(facts[key], recordedValueText(value, lang), lang)
      case 'copied': {
        const copied = value as { from: string; as: string }
        return said(facts.copied, facts.copiedAs(copied.from, copied.as), lang)
      }
      case 'changed': {
        const diff = value as { offerings?: NamedChanges; components?: NamedChanges }
        const lines = [changes(text.draft.offerings, diff.offerings), changes(text.draft.components, diff.components)].filter((line) => line !== undefined)
        return lines.length > 0 ? lines.join(lang === 'zh' ? '。' : '. ') : text.draft.noChanges
      }
      case 'release': {
        const release = value as Pick<Release, 'districts' | 'buildingIds'> & { publishAt: string; validUntil: string | null }
        const when = [said(facts.publishAt, recordedValueText(release.publishAt, lang), lang), ...(release.validUntil ? [said(facts.validUntil, recordedValueText(release.validUntil, lang), lang)] : [])]
        return said(facts.release, [...when, said(facts.where, releaseWhere(release, lang), lang)].join(lang === 'zh' ? '；' : '; '), lang)
      }
      default:
        return said(key, recordedValueText(value, lang), lang)
    }
  })
}
