import type { LateKind } from '../../server/domain/fulfilment-sla'
import type { OrderAuditAction, PaymentRoute } from '../../server/domain/order-history'
import type { OrderStatus } from '../../server/domain/order-status'
import type { WorkOrderKind, WorkOrderStatus } from '../../server/domain/work-orders'
import type { CancellationReason } from '../../server/notifications/messages'
import type { StripeEventOutcome } from '../../server/services/payment-service'
import type { Lang } from './lang'

interface OrdersText {
  title: string
  statuses: Record<OrderStatus, string>
  late: Record<LateKind, string>
  filters: { legend: string; state: string; any: string; district: string; building: string; manager: string; payment: string; online: string; invoice: string; from: string; to: string; lateOnly: string; search: string; searchHint: string; apply: string; reset: string; csv: string }
  columns: { number: string; company: string; building: string; status: string; install: string; amount: string; placed: string }
  slots: { am: string; pm: string }
  none: string
  next: string
  back: string
  detail: {
    company: string; creditCode: string; contact: string; site: string; manager: string; noManager: string; items: string; rule: string; waived: string; payment: string
    method: string; nothingDue: string; amountDue: string; paymentDueAt: string; flagged: string; work: string; timeline: string; audit: string; actions: string; noActions: string
    who: { staff: string; customer: string; stripe: string; system: string; cli: string }
    when: string; before: string; after: string; reason: string; confirm: string
  }
  actions: {
    recordTransfer: string; amountYuan: string; approve: string; note: string; reject: string; schedule: string; reschedule: string; date: string; slot: string
    startInstall: string; activate: string; cancel: string; extend: string; until: string; resolveFlag: string; acceptPayment: string; refunded: string
    /** The survey's result: the ports it found or built, prefilled with what the order needs. */
    completeSurvey: string; surveyHint: string; fibrePorts: string; voicePorts: string
  }
  done: Record<string, string>
  /** Audit log actions (the lifecycle's command names) as staff read them. */
  auditActions: Record<OrderAuditAction, string>
  /** The order's history (timeline and audit log) in words: each action's parameters, each recorded fact. */
  history: {
    /** `Reason: …` before a person's words. */
    reason: string
    note: string
    paidBy: Record<PaymentRoute, string>
    /** A visit booked: "Booked for Tue 24 Nov 2026, afternoon". */
    booked: (day: string, slot: string) => string
    /** A deadline given: "Pay by 1 Dec 2026, 18:00 (Beijing time)". */
    deadline: (at: string) => string
    expired: string
    paymentFailed: string
    facts: {
      status: string; fibrePorts: string; voicePorts: string; reviewReasons: string; amountFen: string; paidBy: string; stripeSession: string
      installDate: string; installSlot: string; released: string; why: string; paymentDueAt: string; paymentReminderAt: string; flaggedReason: string; resolution: string
    }
    /** Ports given back: "fibre 1, voice 0". */
    ports: (fibre: number, voice: number) => string
    why: Record<CancellationReason, string>
    /** Beijing time, after a moment. */
  }
  work: { kinds: Record<WorkOrderKind, string>; statuses: Record<WorkOrderStatus, string> }
  /** Stripe's reports: the events the site takes and what became of each. */
  stripe: { events: Record<string, string>; outcomes: Record<StripeEventOutcome, string> }
  /** A cancelled order's visit, which will not happen (`was`: the day and slot it had). */
  visitCancelled: (was: string) => string
  /** Why a form was refused, by the field the refusal names (`order`: the order no longer allows it). */
  problems: Record<string, string>
  /** A transfer whose amount is not the amount due. */
  transferMismatch: (due: string) => string
}

const zh: OrdersText = {
  title: '履约队列',
  statuses: {
    pending_review: '待审核', awaiting_payment: '待在线支付', awaiting_transfer: '待对公转账', survey_required: '待勘查', confirmed: '已确认',
    paid: '已付款', scheduled: '已预约安装', installing: '安装中', active: '已开通', cancelled: '已取消',
  },
  late: { unscheduled: '超时未预约', past_slot: '已过安装时段' },
  filters: {
    legend: '筛选', state: '状态', any: '全部', district: '区', building: '楼宇', manager: '客户经理', payment: '付款方式', online: '在线支付', invoice: '对公转账',
    from: '下单日期自', to: '至', lateOnly: '仅显示超时', search: '搜索', searchHint: '订单号、公司名称、信用代码或手机号', apply: '筛选', reset: '清除筛选', csv: '导出 CSV',
  },
  columns: { number: '订单号', company: '公司', building: '楼宇', status: '状态', install: '安装时段', amount: '应付', placed: '下单时间' },
  slots: { am: '上午', pm: '下午' },
  none: '没有符合条件的订单。',
  next: '下一页',
  back: '返回履约队列',
  detail: {
    company: '公司', creditCode: '统一社会信用代码', contact: '联系人', site: '安装地址', manager: '客户经理', noManager: '区域队列', items: '报价明细', rule: '规则', waived: '已减免', payment: '付款',
    method: '付款方式', nothingDue: '无需付款', amountDue: '应付金额', paymentDueAt: '付款截止', flagged: '付款异常', work: '工单', timeline: '订单进度', audit: '操作记录', actions: '操作', noActions: '此状态下没有可执行的操作。',
    who: { staff: '员工', customer: '客户', stripe: 'Stripe', system: '系统', cli: '命令行' },
    when: '时间', before: '之前', after: '之后', reason: '原因', confirm: '我已核对，确认执行',
  },
  actions: {
    recordTransfer: '登记对公转账', amountYuan: '到账金额（元）', approve: '通过审核', note: '备注', reject: '驳回', schedule: '预约安装', reschedule: '改约', date: '日期', slot: '时段',
    startInstall: '开始安装', activate: '确认开通', cancel: '取消订单', extend: '延长付款期限', until: '新截止时间', resolveFlag: '处理付款异常', acceptPayment: '确认收款', refunded: '已退款',
    completeSurvey: '勘察完成', surveyHint: '登记勘察为楼宇新增的空闲端口（已预填楼宇为本订单还缺的数量）；订单随即预留端口，按客户选择的付款方式继续。', fibrePorts: '新增光纤端口', voicePorts: '新增语音端口',
  },
  done: {
    transfer_recorded: '已登记转账。', approved: '已通过审核。', survey_completed: '已登记勘察结果，订单已预留端口。', rejected: '已驳回。', scheduled: '已预约安装。', rescheduled: '已改约。', installing: '已开始安装。',
    active: '已开通。', cancelled: '订单已取消。', deadline_extended: '付款期限已延长。', flag_resolved: '付款异常已处理。',
  },
  auditActions: {
    place: '下单', approve: '通过审核', reject: '驳回', complete_survey: '勘察完成', mark_paid: '确认收款', schedule: '预约安装', reschedule: '改约', start_install: '开始安装', activate: '确认开通',
    cancel: '取消订单', expire_unpaid: '逾期未付自动取消', payment_failed: '在线支付失败', extend_payment_deadline: '延长付款期限', remind_payment: '付款提醒',
    flag_payment: '付款异常', resolve_flagged_payment: '处理付款异常', 'order.invoice_details_changed': '更正发票信息',
  },
  history: {
    reason: '原因',
    note: '备注',
    paidBy: { stripe: '在线支付（Stripe）', bank_transfer: '登记对公转账', flagged_payment_accepted: '确认异常付款' },
    booked: (day, slot) => `预约 ${day} ${slot}`,
    deadline: (at) => `付款期限延长至 ${at}（北京时间）`,
    expired: '付款截止前未付款，自动取消',
    paymentFailed: '在线支付未完成，自动取消',
    facts: {
      status: '状态', fibrePorts: '光纤端口', voicePorts: '语音端口', reviewReasons: '审核原因', amountFen: '金额', paidBy: '付款方式', stripeSession: 'Stripe 付款编号',
      installDate: '安装日期', installSlot: '时段', released: '释放端口', why: '取消原因', paymentDueAt: '付款截止', paymentReminderAt: '付款提醒', flaggedReason: '付款异常', resolution: '处理方式',
    },
    ports: (fibre, voice) => `光纤 ${fibre} 个，语音 ${voice} 个`,
    why: { not_approved: '未通过审核', unpaid: '逾期未付款', payment_failed: '在线支付未完成', by_operations: '运营取消' },
  },
  work: {
    kinds: { site_installation: '上门安装', sim_delivery: 'SIM 卡配送', site_survey: '上门勘查' },
    statuses: { waiting_for_payment: '待付款', open: '待安排', scheduled: '已预约', in_progress: '进行中', done: '已完成', cancelled: '已取消' },
  },
  stripe: {
    events: {
      'checkout.session.completed': '支付页面完成',
      'checkout.session.async_payment_succeeded': '延迟到账的付款成功',
      'checkout.session.async_payment_failed': '延迟到账的付款失败',
      'checkout.session.expired': '支付页面过期',
    },
    outcomes: {
      confirmed: '已确认收款', already_settled: '订单已处理，未再变更', released: '已取消并释放端口', flagged: '已标记付款异常', ignored: '无需处理',
      unknown_order: '找不到订单', duplicate: '重复通知',
    },
  },
  visitCancelled: (was) => `已取消，不会上门（原定 ${was}）`,
  problems: {
    order: '订单的状态已经变了（可能刚被处理过），这个操作不再适用。下面显示的是订单现在的状态。',
    ports: '加上登记的新增端口，楼宇的空闲端口仍不够本订单使用：请按勘察结果填写新增端口数。',
    fibrePorts: '新增光纤端口请填写 0 至 1000 的整数。',
    voicePorts: '新增语音端口请填写 0 至 1000 的整数。',
    reason: '请填写原因：至少 3 个字，不能只有空格或含控制字符。',
    note: '备注不能含控制字符，最多 500 个字。',
    until: '新截止时间须晚于现在，也晚于当前的付款截止时间。',
    date: '请选择列表中的安装日期。',
    slot: '请选择上午或下午。',
    resolution: '请选择处理方式。',
  },
  transferMismatch: (due) => `未登记：到账金额须等于应付金额 ${due}（可以写成 200、200.00 或 ¥1,234.50）。金额不符的转账请先与客户核实。`,
}

const en: OrdersText = {
  title: 'Fulfilment queue',
  statuses: {
    pending_review: 'In review', awaiting_payment: 'Awaiting online payment', awaiting_transfer: 'Awaiting bank transfer', survey_required: 'Survey required', confirmed: 'Confirmed',
    paid: 'Paid', scheduled: 'Installation scheduled', installing: 'Installing', active: 'Active', cancelled: 'Cancelled',
  },
  late: { unscheduled: 'Late: not scheduled', past_slot: 'Late: slot passed' },
  filters: {
    legend: 'Filters', state: 'State', any: 'Any', district: 'District', building: 'Building', manager: 'Account manager', payment: 'Payment', online: 'Online', invoice: 'Bank transfer',
    from: 'Placed from', to: 'to', lateOnly: 'Late only', search: 'Search', searchHint: 'Order number, company, credit code or mobile', apply: 'Filter', reset: 'Clear filters', csv: 'Export CSV',
  },
  columns: { number: 'Order', company: 'Company', building: 'Building', status: 'State', install: 'Installation', amount: 'Due', placed: 'Placed' },
  slots: { am: 'morning', pm: 'afternoon' },
  none: 'No orders match.',
  next: 'Next page',
  back: 'Back to the queue',
  detail: {
    company: 'Company', creditCode: 'Unified social credit code', contact: 'Contact', site: 'Site', manager: 'Account manager', noManager: 'District queue', items: 'Quote lines', rule: 'Rule', waived: 'waived', payment: 'Payment',
    method: 'Method', nothingDue: 'Nothing to pay', amountDue: 'Amount due', paymentDueAt: 'Payment deadline', flagged: 'Payment flagged', work: 'Work orders', timeline: 'Timeline', audit: 'Audit log', actions: 'Actions', noActions: 'Nothing can be done in this state.',
    who: { staff: 'Staff', customer: 'Customer', stripe: 'Stripe', system: 'System', cli: 'Command line' },
    when: 'When', before: 'Before', after: 'After', reason: 'Reason', confirm: 'I have checked: do it',
  },
  actions: {
    recordTransfer: 'Record bank transfer', amountYuan: 'Amount received (yuan)', approve: 'Approve', note: 'Note', reject: 'Reject', schedule: 'Schedule installation', reschedule: 'Reschedule', date: 'Date', slot: 'Slot',
    startInstall: 'Start installation', activate: 'Mark active', cancel: 'Cancel order', extend: 'Extend payment deadline', until: 'New deadline', resolveFlag: 'Resolve flagged payment', acceptPayment: 'Accept payment', refunded: 'Refunded',
    completeSurvey: 'Site survey completed', surveyHint: 'Record the free ports the survey added to the building (prefilled with what the building still lacks for this order); the order then reserves its ports and goes on with the payment the customer chose.', fibrePorts: 'Fibre ports added', voicePorts: 'Voice ports added',
  },
  done: {
    transfer_recorded: 'Transfer recorded.', approved: 'Approved.', survey_completed: 'Survey recorded; the order has reserved its ports.', rejected: 'Rejected.', scheduled: 'Installation scheduled.', rescheduled: 'Rescheduled.', installing: 'Installation started.',
    active: 'Service active.', cancelled: 'Order cancelled.', deadline_extended: 'Payment deadline extended.', flag_resolved: 'Flagged payment resolved.',
  },
  auditActions: {
    place: 'Placed', approve: 'Approved', reject: 'Rejected', complete_survey: 'Site survey completed', mark_paid: 'Payment received', schedule: 'Installation scheduled', reschedule: 'Rescheduled', start_install: 'Installation started',
    activate: 'Marked active', cancel: 'Cancelled by operations', expire_unpaid: 'Cancelled unpaid at the deadline', payment_failed: 'Online payment failed', extend_payment_deadline: 'Payment deadline extended',
    remind_payment: 'Payment reminder', flag_payment: 'Payment flagged', resolve_flagged_payment: 'Flagged payment resolved', 'order.invoice_details_changed': 'Invoice details corrected',
  },
  history: {
    reason: 'Reason',
    note: 'Note',
    paidBy: { stripe: 'Paid online (Stripe)', bank_transfer: 'Bank transfer recorded', flagged_payment_accepted: 'Flagged payment accepted' },
    booked: (day, slot) => `Booked for ${day}, ${slot}`,
    deadline: (at) => `Payment deadline extended to ${at} (Beijing time)`,
    expired: 'Not paid by the deadline: cancelled automatically',
    paymentFailed: 'Online payment not completed: cancelled automatically',
    facts: {
      status: 'State', fibrePorts: 'Fibre ports', voicePorts: 'Voice ports', reviewReasons: 'Review reason', amountFen: 'Amount', paidBy: 'Paid by', stripeSession: 'Stripe payment',
      installDate: 'Installation day', installSlot: 'Slot', released: 'Ports released', why: 'Why cancelled', paymentDueAt: 'Payment deadline', paymentReminderAt: 'Payment reminder', flaggedReason: 'Payment flagged', resolution: 'Settled as',
    },
    ports: (fibre, voice) => `fibre ${fibre}, voice ${voice}`,
    why: { not_approved: 'not approved', unpaid: 'unpaid by the deadline', payment_failed: 'online payment not completed', by_operations: 'by operations' },
  },
  work: {
    kinds: { site_installation: 'Installation visit', sim_delivery: 'SIM delivery', site_survey: 'Site survey' },
    statuses: { waiting_for_payment: 'waiting for payment', open: 'to be booked', scheduled: 'booked', in_progress: 'under way', done: 'done', cancelled: 'cancelled' },
  },
  stripe: {
    events: {
      'checkout.session.completed': 'Checkout completed',
      'checkout.session.async_payment_succeeded': 'Delayed payment succeeded',
      'checkout.session.async_payment_failed': 'Delayed payment failed',
      'checkout.session.expired': 'Checkout expired',
    },
    outcomes: {
      confirmed: 'payment confirmed', already_settled: 'order already settled: nothing changed', released: 'cancelled, ports released', flagged: 'payment flagged', ignored: 'nothing to do',
      unknown_order: 'no such order', duplicate: 'repeated report',
    },
  },
  visitCancelled: (was) => `Cancelled: no visit (was ${was})`,
  problems: {
    order: 'The order has changed (someone may just have dealt with it), so this action no longer applies. The page shows the order as it is now.',
    ports: 'Even with the ports recorded as added, the building has too few free ports for this order: enter the ports the survey added.',
    fibrePorts: 'Fibre ports added: a whole number from 0 to 1000.',
    voicePorts: 'Voice ports added: a whole number from 0 to 1000.',
    reason: 'Please give a reason: at least 3 characters, not only spaces, no control characters.',
    note: 'The note may not hold control characters and is at most 500 characters.',
    until: 'The new deadline must be later than now and than the current payment deadline.',
    date: 'Please choose an installation date from the list.',
    slot: 'Please choose morning or afternoon.',
    resolution: 'Please choose how the payment was settled.',
  },
  transferMismatch: (due) => `Not recorded: the amount received must be the amount due, ${due} (written as 200, 200.00 or ¥1,234.50). Check a transfer of another amount with the customer first.`,
}

export const consoleOrdersText: Record<Lang, OrdersText> = { zh, en }
