import type { Lang } from './messages'

/**
 * One mail's content before layout, so that the plain-text and HTML versions cannot say
 * different things.
 */
export interface EmailContent {
  subject: string
  greeting?: string
  paragraphs: string[]
  /** The one link the reader should follow (the order tracking page in customers' mails). */
  action?: { label: string; url: string }
  /** Several links of equal weight, each on a line of its own (the bundles of an e-mail visit). */
  links?: Array<{ label: string; url: string }>
  /** Customers' words (company and contact names, notes) appear only here, as values under our labels. */
  details: Details
  /** Further labelled groups after the details, e.g. each lead of a digest. */
  sections?: Array<{ title: string; details: Details }>
  /** Marketing mail only: the way out, in the footer. */
  unsubscribe?: { label: string; url: string }
}

export type Details = Array<[label: string, value: string]>

export const brand = { zh: '楼宇商企通', en: 'Office Bundles' }

/** Customer-typed text (a company name) must not fold a header or add one. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

const footer = {
  zh: `此邮件由${brand.zh}系统自动发送，请勿直接回复。`,
  en: `This message was sent automatically by ${brand.en}; please do not reply to it.`,
}

function toText(content: EmailContent, lang: Lang): string {
  const colon = lang === 'zh' ? '：' : ': '
  const blocks: string[] = []
  if (content.greeting) blocks.push(content.greeting)
  blocks.push(...content.paragraphs)
  // The link goes first and on a line of its own, so mail clients make it clickable as a whole.
  if (content.action) blocks.push(`${content.action.label}${colon.trim()}\n${content.action.url}`)
  for (const link of content.links ?? []) blocks.push(`${link.label}\n${link.url}`)
  const fields = (details: Details) => details.map(([label, value]) => `${label}${colon}${continued(value)}`).join('\n')
  if (content.details.length > 0) blocks.push(fields(content.details))
  for (const section of content.sections ?? []) blocks.push(`${section.title}\n${fields(section.details)}`)
  blocks.push(`--\n${brand[lang]}\n${footer[lang]}${content.unsubscribe ? `\n${content.unsubscribe.label}${colon}${content.unsubscribe.url}` : ''}`)
  return `${blocks.join('\n\n')}\n`
}

/**
 * A value's further lines (a note may have several) are indented under its label, so typed text
 * can never start a line of its own that reads as another field or as our words.
 */
function continued(value: string): string {
  return value.replace(/\r\n?|\n/g, '\n    ')
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}

const fontStack = `-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Helvetica Neue', Arial, sans-serif`

/** Table layout with inline styles: what mail clients (Outlook, QQ Mail) still render reliably. */
function toHtml(content: EmailContent, lang: Lang): string {
  const paragraph = (text: string) => `<p style="margin:0 0 14px;">${escapeHtml(text)}</p>`
  const rowsOf = (details: Details) =>
    details
      .map(
        ([label, value]) =>
          `<tr><td style="padding:6px 16px 6px 0;color:#52606d;white-space:nowrap;vertical-align:top;">${escapeHtml(label)}</td><td style="padding:6px 0;color:#1f2933;white-space:pre-line;">${escapeHtml(value)}</td></tr>`,
      )
      .join('')
  const sectionRows = (content.sections ?? [])
    .map((section) => `<tr><td colspan="2" style="padding:14px 0 4px;font-weight:bold;color:#1f2933;">${escapeHtml(section.title)}</td></tr>${rowsOf(section.details)}`)
    .join('')
  const rows = rowsOf(content.details) + sectionRows
  const action = content.action ? actionHtml(content.action) : ''
  const links = (content.links ?? []).map(linkHtml).join('')
  const unsubscribe = content.unsubscribe && /^https?:\/\//i.test(content.unsubscribe.url) ? `<br><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#7b8794;">${escapeHtml(content.unsubscribe.label)}</a>` : ''
  return [
    `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #e1e4e8;border-radius:6px;font-family:${fontStack};font-size:15px;line-height:1.6;color:#1f2933;">`,
    `<tr><td style="padding:18px 28px;border-bottom:3px solid #0b5cab;font-size:18px;font-weight:bold;color:#0b5cab;">${escapeHtml(brand[lang])}</td></tr>`,
    `<tr><td style="padding:24px 28px;">`,
    content.greeting ? paragraph(content.greeting) : '',
    content.paragraphs.map(paragraph).join(''),
    action,
    links,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="margin-top:8px;border-top:1px solid #e1e4e8;padding-top:8px;font-size:14px;">${rows}</table>`,
    `</td></tr>`,
    `<tr><td style="padding:14px 28px;border-top:1px solid #e1e4e8;font-size:12px;color:#7b8794;">${escapeHtml(footer[lang])}${unsubscribe}</td></tr>`,
    `</table></td></tr></table></body></html>`,
  ].join('\n')
}

function actionHtml(action: { label: string; url: string }): string {
  // Only web links become buttons; anything else is shown as text rather than made clickable.
  if (!/^https?:\/\//i.test(action.url)) return `<p style="margin:0 0 14px;">${escapeHtml(action.label)}: ${escapeHtml(action.url)}</p>`
  const href = escapeHtml(action.url)
  return (
    `<p style="margin:22px 0 8px;"><a href="${href}" style="display:inline-block;background:#0b5cab;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 24px;border-radius:4px;">${escapeHtml(action.label)}</a></p>` +
    `<p style="margin:0 0 20px;font-size:13px;color:#52606d;word-break:break-all;"><a href="${href}" style="color:#0b5cab;">${escapeHtml(action.url)}</a></p>`
  )
}

function linkHtml(link: { label: string; url: string }): string {
  if (!/^https?:\/\//i.test(link.url)) return `<p style="margin:0 0 14px;">${escapeHtml(link.label)}: ${escapeHtml(link.url)}</p>`
  return `<p style="margin:0 0 14px;"><a href="${escapeHtml(link.url)}" style="color:#0b5cab;font-weight:bold;">${escapeHtml(link.label)}</a></p>`
}

/** The plain-text and HTML versions of one mail, from the same content. */
export function layOut(content: EmailContent, lang: Lang) {
  return { subject: oneLine(content.subject), text: toText(content, lang), html: toHtml(content, lang) }
}
