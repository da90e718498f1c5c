import { formatYuan } from '../pricing/money'
import { brand, oneLine, type Details, type EmailContent } from '../notifications/email-layout'
import type { Lang } from '../notifications/messages'

/**
 * The e-mail visit templates: a closed list, each written here in Chinese and English and filled from
 * data only (the tenant's company, the building manager's name and phone, the bundles' names and
 * from-prices). Nobody types a visit's text, so nothing a manager writes can reach a tenant's inbox.
 */
export const emailVisitTemplates = ['introduction', 'savings', 'upgrade'] as const
export type EmailVisitTemplate = (typeof emailVisitTemplates)[number]

export const isEmailVisitTemplate = (value: string): value is EmailVisitTemplate => (emailVisitTemplates as readonly string[]).includes(value)

export interface EmailVisitBundle {
  name: string
  /** Fen a month "from", or null when the bundle has no from-price. */
  fromMonthly: number | null
  /** The first-party click link of this bundle for this recipient. */
  url: string
}

/** What one recipient's mail is made of; stored as the outbox row's payload. */
export interface EmailVisitPayload {
  /** The recipient row, so delivery can skip an address that unsubscribed meanwhile and mark what it did. */
  recipientId: string
  template: EmailVisitTemplate
  /** From the tenant list: shown escaped, on one line. */
  company: string
  managerName: string
  managerPhone: string
  bundles: EmailVisitBundle[]
  /** The page where the recipient unsubscribes (a button; opening it changes nothing). */
  unsubscribeUrl: string
  /** The one-click address of List-Unsubscribe (RFC 8058): a POST there unsubscribes. */
  oneClickUrl: string
}

/** The names a template goes by in the console. */
export const emailVisitTemplateNames: Record<Lang, Record<EmailVisitTemplate, string>> = {
  zh: { introduction: '楼宇经理问候与套餐推荐', savings: '通信费用节省', upgrade: '宽带提速' },
  en: { introduction: 'Introduction from your building manager', savings: 'Lower telecom costs', upgrade: 'Faster broadband' },
}

/**
 * Direction controls (embeddings, overrides, isolates, marks): from a list they are data too, and an
 * unclosed right-to-left override would turn the rest of the subject and greeting around. Arabic or
 * Hebrew letters keep their own direction without them.
 */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const plainLine = (value: string) => oneLine(value.replace(DIRECTION_CONTROLS, ''))

// A company name from a list is data, not layout: one line, and short enough for a subject.
const companyOf = (company: string) => {
  const line = plainLine(company)
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}

/** The mail of one recipient, before layout (subject, greeting, paragraphs, one link per bundle). */
export function emailVisitContent(p: EmailVisitPayload, lang: Lang): EmailContent {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  const company = companyOf(p.company)
  const manager = plainLine(p.managerName)
  const phone = plainLine(p.managerPhone)
  const price = (bundle: EmailVisitBundle) => (bundle.fromMonthly === null ? '' : t(`（每月 ${formatYuan(bundle.fromMonthly, lang)} 起）`, ` (from ${formatYuan(bundle.fromMonthly, lang)} a month)`))
  const texts: Record<EmailVisitTemplate, { subject: string; paragraphs: string[] }> = {
    introduction: {
      subject: t(`${company}：您所在楼宇的企业通信套餐 — ${brand.zh}`, `${company}: business telecom bundles for your building — ${brand.en}`),
      paragraphs: [
        t(`我是贵司所在楼宇的楼宇经理${manager}。我们为楼内企业准备了以下融合套餐，一个合同、一张账单，上门安装。`, `I am ${manager}, the building manager for your office building. We have prepared the bundles below for the companies in the building: one contract, one bill, installed on site.`),
      ],
    },
    savings: {
      subject: t(`${company}：降低通信费用的方案 — ${brand.zh}`, `${company}: a way to lower your telecom costs — ${brand.en}`),
      paragraphs: [
        t(`我是贵司所在楼宇的楼宇经理${manager}。以下套餐可以把宽带、固话和手机合在一张账单里，总费用可预算、可控制。`, `I am ${manager}, your building manager. The bundles below put broadband, fixed lines and mobiles on one bill, at a total you can budget and control.`),
      ],
    },
    upgrade: {
      subject: t(`${company}：楼宇宽带提速方案 — ${brand.zh}`, `${company}: faster broadband in your building — ${brand.en}`),
      paragraphs: [
        t(`我是贵司所在楼宇的楼宇经理${manager}。楼内光纤已可提供更高速率的宽带，以下套餐可在线选择、配置和下单。`, `I am ${manager}, your building manager. The building's fibre now carries faster broadband; the bundles below can be chosen, configured and ordered online.`),
      ],
    },
  }
  const chosen = texts[p.template]
  const details: Details = [
    [t('公司', 'Company'), company],
    [t('楼宇经理', 'Building manager'), t(`${manager}（${phone}）`, `${manager} (${phone})`)],
  ]
  return {
    subject: chosen.subject,
    greeting: t(`${company}负责人，您好：`, `Dear ${company},`),
    paragraphs: [...chosen.paragraphs, t(`如需上门介绍，请直接致电 ${phone}。`, `To have me visit you, call me on ${phone}.`)],
    links: p.bundles.map((bundle) => ({ label: `${bundle.name}${price(bundle)}`, url: bundle.url })),
    details,
    unsubscribe: { label: t('不想再收到此类邮件？退订', 'Do not want these mails? Unsubscribe'), url: p.unsubscribeUrl },
  }
}
