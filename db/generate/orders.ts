import type { Insertable } from 'kysely'
import type { AuditActorKind } from '../../server/domain/audit'
import type { OrderStatus } from '../../server/domain/order-status'
import type { Database } from '../schema'
import { mobileNumber, personName } from './places'
import type { Random } from './random'

type Row<Table extends keyof Database> = Insertable<Database[Table]>

/** Everything one placed order writes, and what its lifecycle added since. */
export interface GeneratedOrder {
  quote: Row<'quotes'>
  order: Row<'orders'>
  items: Row<'order_items'>[]
  workOrders: Row<'work_orders'>[]
  invoice: Row<'order_invoices'>
  events: Row<'order_events'>[]
  audit: Row<'audit_log'>[]
}

export interface OrderContext {
  now: Date
  catalogVersion: string
  buildings: { id: string; district: string; manager_id: string | null }[]
  opsUserIds: string[]
}

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
/** Orders go back a year; those older than the active window have finished (active or cancelled). */
const HISTORY_DAYS = 365
const ACTIVE_WINDOW_DAYS = 45
const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

const SERVICES = [
  { code: 'fixed-line', category: 'fixed_voice', zh: '商务固话', en: 'Business fixed line', monthly: 2500 },
  { code: 'bb-100', category: 'broadband', zh: '网络快车 100M', en: 'Network Express 100 Mbps', monthly: 63000 },
  { code: 'bb-300', category: 'broadband', zh: '网络快车 300M', en: 'Network Express 300 Mbps', monthly: 88000 },
  { code: 'bb-1000', category: 'broadband', zh: '网络快车 1000M', en: 'Network Express 1 Gbps', monthly: 168000 },
  { code: 'mobile-line', category: 'mobile', zh: '商务手机', en: 'Business mobile line', monthly: 3800 },
  { code: 'cloud-mail', category: 'vas', zh: '企业云邮箱(10用户)', en: 'Business cloud mail, 10 users', monthly: 6000 },
] as const
const OFFERINGS = ['bb-express', 'fixed-broadband', 'fixed-mobile', 'business-plus', 'shangjiale', 'evergreen'] as const
const COMPANY_WORDS = ['华信', '联创', '申通', '东方', '博远', '鼎盛', '嘉禾', '凯德', '瑞丰', '星辰', '远景', '智汇', '泰和', '金桥', '新元']
const COMPANY_KINDS = ['科技', '贸易', '咨询', '设计', '文化传媒', '信息技术', '投资管理', '供应链']

const finished: OrderStatus[] = ['active', 'cancelled']
const recentStatuses: OrderStatus[] = ['pending_review', 'awaiting_payment', 'awaiting_transfer', 'survey_required', 'confirmed', 'paid', 'scheduled', 'installing', 'active', 'cancelled']
const recentWeights = [4, 10, 12, 4, 3, 10, 14, 4, 30, 9]

interface Step {
  status: OrderStatus
  action: string
  actor: AuditActorKind
  reason: string | null
}

/** A path through the transition table ending in `final`, as the lifecycle commands would walk it. */
function pathTo(random: Random, final: OrderStatus, method: 'online' | 'invoice'): OrderStatus[] {
  const payWait: OrderStatus = method === 'online' ? 'awaiting_payment' : 'awaiting_transfer'
  const reviewed = final === 'pending_review' || random.chance(0.04)
  const start: OrderStatus[] = reviewed ? ['pending_review'] : []
  if (final === 'pending_review') return start
  if (final === 'survey_required') return [...start, 'survey_required']
  if (final === 'cancelled') {
    const before = random.weighted<OrderStatus[]>([[payWait], ['survey_required'], [payWait, 'paid'], [payWait, 'paid', 'scheduled'], []], [6, 1, 1, 1, reviewed ? 1 : 0])
    return [...start, ...before, 'cancelled']
  }
  // An order with nothing due today is confirmed, never paid.
  const entry: OrderStatus[] = final === 'confirmed' || (final !== 'paid' && final !== payWait && random.chance(0.05)) ? ['confirmed'] : [payWait, 'paid']
  const through: OrderStatus[] = [...entry, 'scheduled', 'installing', 'active']
  return [...start, ...through.slice(0, through.indexOf(final) + 1)]
}

function stepInto(random: Random, from: OrderStatus | undefined, to: OrderStatus): Step {
  if (from === undefined) return { status: to, action: 'place', actor: 'customer', reason: null }
  if (from === 'pending_review') return to === 'cancelled' ? { status: to, action: 'reject', actor: 'staff', reason: '楼宇端口不足' } : { status: to, action: 'approve', actor: 'staff', reason: null }
  if (to === 'paid') return from === 'awaiting_payment' ? { status: to, action: 'mark_paid', actor: 'stripe', reason: `cs_live_${random.text(NUMBER_ALPHABET, 12)}` } : { status: to, action: 'mark_paid', actor: 'staff', reason: `transfer ${random.text('0123456789', 10)}` }
  if (to === 'scheduled') return { status: to, action: 'schedule', actor: 'staff', reason: null }
  if (to === 'installing') return { status: to, action: 'start_install', actor: 'staff', reason: null }
  if (to === 'active') return { status: to, action: 'activate', actor: 'staff', reason: null }
  if (from === 'awaiting_payment' || from === 'awaiting_transfer') {
    return random.chance(0.7) ? { status: to, action: 'expire_unpaid', actor: 'system', reason: 'unpaid by the payment deadline' } : { status: to, action: 'cancel', actor: 'staff', reason: '客户取消 customer withdrew' }
  }
  return { status: to, action: 'cancel', actor: 'staff', reason: '客户搬迁 customer moved out' }
}

/** A working day `days` after `at`, as Shanghai's YYYY-MM-DD. */
function workingDay(at: Date, days: number): string {
  let day = new Date(at.getTime() + 8 * HOUR + days * DAY)
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + DAY)
  return day.toISOString().slice(0, 10)
}

/** One order as placed by a tenant of a random building, walked through its lifecycle to a status fitting its age. */
export function generateOrder(random: Random, context: OrderContext, usedNumbers: Set<string>): GeneratedOrder {
  const ageDays = random.next() * HISTORY_DAYS
  const createdAt = new Date(context.now.getTime() - ageDays * DAY)
  const final = ageDays > ACTIVE_WINDOW_DAYS ? random.weighted(finished, [85, 15]) : random.weighted(recentStatuses, recentWeights)
  // Each payment wait belongs to its method.
  const method = final === 'awaiting_payment' ? 'online' : final === 'awaiting_transfer' ? 'invoice' : random.weighted(['online', 'invoice'] as const, [55, 45])
  const building = random.pick(context.buildings)
  const id = random.uuid()
  const quoteId = random.uuid()
  const at = createdAt.toISOString()

  const chosen = SERVICES.filter((_, index) => index === 0 || random.chance(0.35))
  const lines = chosen.map((service) => ({ ...service, quantity: service.category === 'broadband' ? 1 : random.int(1, 8) }))
  const monthlyFen = lines.reduce((sum, line) => sum + line.monthly * line.quantity, 0)
  const installFen = random.weighted([0, 20000, 50000], [3, 4, 3])
  const path = pathTo(random, final, method)
  const amountDue = path.includes('confirmed') ? 0 : monthlyFen + installFen

  let number: string
  do number = `SO${new Date(createdAt.getTime() + 8 * HOUR).toISOString().slice(2, 10).replace(/-/g, '')}-${random.text(NUMBER_ALPHABET, 6)}`
  while (usedNumbers.has(number))
  usedNumbers.add(number)

  const company = `上海${random.pick(COMPANY_WORDS)}${random.pick(COMPANY_KINDS)}有限公司`
  const creditCode = `91310${random.text('0123456789', 3)}${random.text('0123456789ABCDEFGHJKLMNPQRTUWXY', 9)}${random.text('0123456789', 1)}`
  const contact = personName(random)
  const lang = random.chance(0.8) ? 'zh' : 'en'
  const floor = String(random.int(2, 60))
  const unit = String(random.int(1, 30)).padStart(2, '0')
  const installDate = final === 'scheduled' ? workingDay(context.now, random.int(-2, 14)) : workingDay(createdAt, random.int(2, 14))
  const installSlot = random.pick(['am', 'pm'])
  const routing = { manager_id: building.manager_id, queue_district: building.manager_id ? null : building.district }
  const portsHeld = !path.includes('survey_required') && !(final === 'pending_review') && final !== 'cancelled' && final !== 'active'

  // Each later step a few hours to a few days after the one before, never past now.
  const events: Row<'order_events'>[] = []
  const audit: Row<'audit_log'>[] = []
  let stepAt = createdAt.getTime()
  path.forEach((status, index) => {
    if (index > 0) stepAt = Math.min(stepAt + random.int(1, 72) * HOUR, context.now.getTime() - random.int(1, 60) * 60 * 1000)
    const step = stepInto(random, index === 0 ? undefined : path[index - 1], status)
    const when = new Date(Math.max(stepAt, createdAt.getTime())).toISOString()
    events.push({ order_id: id, sequence: index + 1, status, note: index === 0 ? null : step.reason ? `${step.action}: ${step.reason}` : step.action, created_at: when })
    if (index > 0) {
      audit.push({
        id: random.uuid(),
        at: when,
        actor_kind: step.actor,
        actor_id: step.actor === 'staff' ? random.pick(context.opsUserIds) : null,
        action: step.action,
        subject_kind: 'order',
        subject_id: id,
        before_json: JSON.stringify({ status: path[index - 1] }),
        after_json: JSON.stringify({ status, ...(status === 'scheduled' ? { installDate, installSlot } : {}) }),
        reason: step.reason,
      })
    }
  })
  const updatedAt = events[events.length - 1].created_at
  const waiting = final === 'awaiting_payment' || final === 'awaiting_transfer'

  const items: Row<'order_items'>[] = [
    ...lines.map((line, position) => ({ order_id: id, position, kind: 'monthly', code: line.code, label_zh: line.zh, label_en: line.en, quantity: line.quantity, amount_fen: line.monthly * line.quantity, waived: 0, rule: 'list' })),
    { order_id: id, position: lines.length, kind: 'one_time', code: 'installation', label_zh: '安装调测费', label_en: 'Installation', quantity: null, amount_fen: installFen, waived: installFen === 0 ? 1 : 0, rule: installFen === 0 ? 'install_waived' : 'list' },
  ]
  const place = { floor, unit }
  const workStatus = final === 'active' ? 'done' : final === 'cancelled' ? 'cancelled' : waiting ? 'waiting_for_payment' : 'open'
  const describe = (codes: typeof lines) => JSON.stringify({ ...place, components: codes.map((line) => ({ code: line.code, count: line.quantity })) })
  const onSite = lines.filter((line) => line.category === 'fixed_voice' || line.category === 'broadband')
  const mobiles = lines.filter((line) => line.category === 'mobile')
  const slot = { scheduled_date: installDate, scheduled_slot: installSlot }
  const workOrders: Row<'work_orders'>[] =
    final === 'pending_review'
      ? []
      : path.includes('survey_required')
        ? [{ id: random.uuid(), order_id: id, kind: 'site_survey', status: workStatus, details_json: describe(lines), ...routing, ...slot, created_at: at }]
        : [
            ...(onSite.length > 0 ? [{ id: random.uuid(), order_id: id, kind: 'site_installation', status: workStatus, details_json: describe(onSite), ...routing, ...slot, created_at: at }] : []),
            ...(mobiles.length > 0 ? [{ id: random.uuid(), order_id: id, kind: 'sim_delivery', status: workStatus, details_json: describe(mobiles), ...routing, ...slot, created_at: at }] : []),
          ]

  const offering = random.pick(OFFERINGS)
  const term = random.pick([12, 24, 36])
  return {
    quote: {
      id: quoteId,
      catalog_version: context.catalogVersion,
      offering_slug: offering,
      building_id: building.id,
      offer_code: null,
      term_months: term,
      estimated_monthly_fen: monthlyFen,
      one_time_total_fen: installFen,
      first_year_total_fen: monthlyFen * 12 + installFen,
      request_json: JSON.stringify({ offering, buildingId: building.id, termMonths: term, items: lines.map((line) => ({ code: line.code, quantity: line.quantity })) }),
      // A summary, not a priced quote: a generated order is past the step that reads its quote back.
      quote_json: JSON.stringify({ generated: true, monthly: monthlyFen, oneTime: installFen }),
      attribution_json: null,
      created_at: new Date(createdAt.getTime() - random.int(5, 120) * 60 * 1000).toISOString(),
      expires_at: new Date(createdAt.getTime() + 14 * DAY).toISOString(),
    },
    order: {
      id,
      number,
      quote_id: quoteId,
      status: final,
      payment_method: method,
      amount_due_fen: path.includes('survey_required') ? 0 : amountDue,
      monthly_fen: monthlyFen,
      currency: 'CNY',
      company_name: company,
      credit_code: creditCode,
      contact_name: contact.zh,
      contact_mobile: mobileNumber(random),
      contact_email: `contact${random.text('0123456789', 6)}@company.example.cn`,
      lang,
      building_id: building.id,
      floor,
      unit,
      install_date: installDate,
      install_slot: installSlot,
      ...routing,
      fibre_ports_reserved: portsHeld && onSite.some((line) => line.category === 'broadband') ? 1 : 0,
      voice_ports_reserved: portsHeld ? onSite.filter((line) => line.category === 'fixed_voice').reduce((sum, line) => sum + line.quantity, 0) : 0,
      tracking_token: random.text('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 32),
      stripe_session_id: method === 'online' ? `cs_live_${random.text(NUMBER_ALPHABET, 24)}` : null,
      payment_due_at: waiting ? new Date(createdAt.getTime() + 3 * DAY).toISOString() : null,
      payment_reminder_at: waiting && context.now.getTime() - createdAt.getTime() < 2 * DAY ? new Date(createdAt.getTime() + 2 * DAY).toISOString() : null,
      flagged_reason: final === 'awaiting_transfer' && random.chance(0.05) ? 'transfer amount differs from the amount due' : null,
      attribution_json: null,
      terms_accepted_at: at,
      created_at: at,
      updated_at: updatedAt,
    },
    items,
    workOrders,
    invoice: { order_id: id, kind: 'general', title: company, taxpayer_id: creditCode, registered_address: null, registered_phone: null, bank_name: null, bank_account: null, updated_at: at },
    events,
    audit,
  }
}
