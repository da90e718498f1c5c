import { auditFactsText, oneOf, recordedValueText, said } from './audit-facts-text'
import { consoleLeadsText } from './console-leads-text'
import type { Lang } from './lang'

/**
 * A lead's audit row's before or after as lines of facts ("Status: Contacted"), in the page's
 * language. A note's id is left out: the row's action says a note was added, and the notes list
 * shows it. `managerName` names the district lead an escalation went to.
 */
export function leadAuditFactsText(values: unknown, lang: Lang, managerName: (id: string) => string | undefined): string[] {
  const text = consoleLeadsText[lang]
  const facts = text.auditFacts
  return auditFactsText(values, lang, (key, value) => {
    switch (key) {
      case 'status':
        return said(facts.status, oneOf(text.statuses, value, lang), lang)
      case 'lostReason':
        return said(facts.lostReason, oneOf(text.lostReasons, value, lang), lang)
      case 'matchedBy':
        return said(facts.matchedBy, oneOf(facts.matchedByValues, value, lang), lang)
      case 'to':
        return said(facts.to, value === 'operations' ? facts.operations : ((typeof value === 'string' && managerName(value)) || recordedValueText(value, lang)), lang)
      case 'followUpOn':
      case 'orderNumber':
      case 'escalatedAt':
        return said(facts[key], recordedValueText(value, lang), lang)
      case 'noteId':
        return null
      default:
        return said(key, recordedValueText(value, lang), lang)
    }
  })
}
