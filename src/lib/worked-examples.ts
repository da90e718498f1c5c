import type { QuoteRequestInput } from '../../server/schemas/quote-request'

/**
 * One typical customer per public offering, priced live by the engine on the landing page, so the
 * example always matches the current price book.
 */
export const workedExamples: Record<string, { request: QuoteRequestInput; story: { zh: string; en: string } }> = {
  'bb-express': {
    request: { offering: 'bb-express', termMonths: 0, options: { payment: 'prepay-12' }, items: { 'bb-100': 1 }, customer: { status: 'new' } },
    story: { zh: '一家 12 人的设计工作室，预付一年 100M 宽带。', en: 'A 12-person design studio prepays a year of 100 Mbps broadband.' },
  },
  'fixed-broadband': {
    request: {
      offering: 'fixed-broadband',
      termMonths: 12,
      items: { 'fixed-line': 2, 'bb-100': 1 },
      customer: { status: 'new' },
      usage: { local_voice: 30000, long_distance: 12000 },
    },
    story: {
      zh: '一家 20 人的贸易公司：2 部固话 + 100M 宽带，每月本地通话 ¥300、长途 ¥120。',
      en: 'A 20-person trading company: 2 lines + 100 Mbps, ¥300 of local and ¥120 of long-distance calls a month.',
    },
  },
  'fixed-mobile': {
    request: {
      offering: 'fixed-mobile',
      termMonths: 12,
      items: { 'mobile-line': 3 },
      customer: { status: 'existing', priorMonthlySpend: [15000, 15000, 15000] },
      usage: { long_distance: 10000 },
    },
    story: { zh: '已有办公固话的 5 人团队，加 3 部同事手机，每月长途 ¥100。', en: 'A 5-person team with an office line adds 3 colleague mobiles and makes ¥100 of long-distance calls a month.' },
  },
  'local-ld-gift': {
    request: { offering: 'local-ld-gift', termMonths: 0, items: { 'fixed-line': 1 }, customer: { status: 'new' }, usage: { local_voice: 60000, long_distance: 5000 } },
    story: { zh: '一家本地客服团队：每月本地通话 ¥600，长途 ¥50。', en: 'A local customer-service desk: ¥600 of local calls and ¥50 of long distance a month.' },
  },
  'business-plus': {
    request: {
      offering: 'business-plus',
      termMonths: 12,
      options: { tier: 'T1000' },
      items: { 'fixed-line': 2, 'bb-100': 1 },
      customer: { status: 'new' },
      usage: { local_voice: 52000 },
    },
    story: { zh: '一家 60 人的公司选 ¥1000 档：2 部固话 + 100M 宽带，每月本地通话 ¥520。', en: 'A 60-person company on the ¥1000 tier: 2 lines + 100 Mbps, ¥520 of local calls a month.' },
  },
  shangjiale: {
    request: { offering: 'shangjiale', termMonths: 12, customer: { status: 'new' }, usage: { local_voice: 12000, long_distance: 8000 } },
    story: { zh: '一家街边咖啡店：每月本地通话 ¥120、长途 ¥80。', en: 'A corner café: ¥120 of local and ¥80 of long-distance calls a month.' },
  },
  evergreen: {
    request: {
      offering: 'evergreen',
      termMonths: 12,
      options: { plan: 'A' },
      customer: { status: 'new', priorMonthlySpend: [800000, 800000, 800000], currentMonthlySpend: 1100000 },
      usage: { local_voice: 300000, long_distance: 500000, mobile: 300000 },
    },
    story: {
      zh: '一家快速成长的 80 人企业，近3个月月均通信费 ¥8,000，业务增长后预计每月 ¥11,000。',
      en: 'A fast-growing 80-person firm averaging ¥8,000 a month over 3 months, heading for ¥11,000 as it grows.',
    },
  },
}
