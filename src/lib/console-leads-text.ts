import type { AuditActorKind } from '../../server/domain/audit'
import type { LeadLostReason, LeadSource, LeadStatus } from '../../server/domain/lead-status'
import type { Lang } from './lang'

interface LeadsText {
  title: string
  statuses: Record<LeadStatus, string>
  sources: Record<LeadSource, string>
  lostReasons: Record<LeadLostReason, string>
  late: string
  escalated: string
  filters: { legend: string; status: string; any: string; building: string; allBuildings: string; lateOnly: string; apply: string; reset: string }
  columns: { company: string; building: string; status: string; received: string; followUp: string }
  none: string
  next: string
  back: string
  detail: {
    facts: string; company: string; contact: string; email: string; creditCode: string; building: string; noBuilding: string; manager: string; noManager: string
    source: string; received: string; respondBy: string; followUp: string; noFollowUp: string; order: string; lost: string; customerNote: string; quote: string; openQuote: string
    notes: string; noNotes: string; actions: string; noActions: string; confirm: string
    audit: string; when: string; action: string; before: string; after: string; reason: string
    who: Record<AuditActorKind, string>
  }
  actions: {
    contact: string; qualify: string; addNote: string; note: string; setFollowUp: string; followUpOn: string; followUpHint: string
    markLost: string; lostReason: string; lostNote: string; markWon: string; orderNumber: string; orderNumberHint: string
  }
  auditActions: Record<string, string>
  /** The names of the facts an audit row records, and of their coded values. */
  auditFacts: {
    status: string; followUpOn: string; lostReason: string; orderNumber: string; matchedBy: string; escalatedAt: string; to: string
    matchedByValues: { credit_code: string; mobile: string }
    operations: string
  }
  done: Record<string, string>
  /** What a refused form needs, by the field the refusal names (`lead` when the lead moved on meanwhile). */
  problems: Record<string, string>
}

const zh: LeadsText = {
  title: '我的线索',
  statuses: { new: '新线索', contacted: '已联系', qualified: '已确认需求', won: '已成交', lost: '已流失' },
  sources: { callback: '回电请求', unserviceable: '楼宇暂未覆盖', refer_to_manager: '转客户经理', abandoned_quote: '未完成的报价' },
  lostReasons: {
    no_need: '暂无需求', price: '价格原因', competitor_contract: '已与其他运营商签约', not_serviceable: '楼宇无法提供所需服务', unreachable: '联系不上', duplicate: '重复线索', other: '其他',
  },
  late: '超时未响应（4 个工作小时）',
  escalated: '已上报区域主管',
  filters: { legend: '筛选', status: '状态', any: '全部', building: '楼宇', allBuildings: '全部楼宇', lateOnly: '仅显示超时未响应', apply: '筛选', reset: '清除筛选' },
  columns: { company: '公司', building: '楼宇', status: '状态', received: '收到时间', followUp: '下次跟进' },
  none: '没有符合条件的线索。',
  next: '下一页',
  back: '返回我的线索',
  detail: {
    facts: '线索信息', company: '公司', contact: '联系人', email: '电子邮箱', creditCode: '统一社会信用代码', building: '楼宇', noBuilding: '未指定楼宇', manager: '楼宇经理', noManager: '区域待分配队列',
    source: '来源', received: '收到时间', respondBy: '应在此前响应', followUp: '下次跟进', noFollowUp: '未设置', order: '成交订单', lost: '流失原因', customerNote: '客户留言', quote: '报价', openQuote: '查看报价',
    notes: '跟进记录', noNotes: '还没有跟进记录。', actions: '操作', noActions: '线索已关闭，不能再操作。', confirm: '我已核对，确认执行',
    audit: '操作记录', when: '时间', action: '操作', before: '之前', after: '之后', reason: '原因',
    who: { staff: '员工', customer: '客户', stripe: 'Stripe', system: '系统', cli: '命令行' },
  },
  actions: {
    contact: '标记为已联系', qualify: '确认需求', addNote: '添加跟进记录', note: '记录内容', setFollowUp: '设置跟进日期', followUpOn: '跟进日期', followUpHint: '留空保存即清除跟进日期。',
    markLost: '标记为流失', lostReason: '流失原因', lostNote: '补充说明（选填）', markWon: '关联订单并标记成交', orderNumber: '订单号', orderNumberHint: '客户下单后的订单号，例如 SO261122-7K3F9Q。',
  },
  auditActions: {
    contact: '标记为已联系', qualify: '确认需求', add_note: '添加跟进记录', set_follow_up: '设置跟进日期', mark_won: '标记成交', mark_lost: '标记流失', escalate: '上报区域主管',
  },
  auditFacts: {
    status: '状态', followUpOn: '跟进日期', lostReason: '流失原因', orderNumber: '订单', matchedBy: '按何匹配', escalatedAt: '上报时间', to: '上报给',
    matchedByValues: { credit_code: '统一社会信用代码相同', mobile: '手机号相同' },
    operations: '运营团队',
  },
  done: { contacted: '已标记为已联系。', qualified: '已确认需求。', note_added: '已添加跟进记录。', follow_up_set: '跟进日期已保存。', lost: '已标记为流失。', won: '已标记成交。' },
  problems: {
    lead: '线索状态已经变化（可能在另一个窗口处理过），请查看当前状态后再操作。',
    followUpOn: '跟进日期不能早于今天。',
    orderNumber: '没有找到这个订单：请检查订单号（只能关联您负责楼宇中未取消的订单）。',
    note: '请填写记录内容。',
    reason: '请选择流失原因。',
  },
}

const en: LeadsText = {
  title: 'My leads',
  statuses: { new: 'New', contacted: 'Contacted', qualified: 'Qualified', won: 'Won', lost: 'Lost' },
  sources: { callback: 'Callback request', unserviceable: 'Building not yet served', refer_to_manager: 'Referred to a manager', abandoned_quote: 'Abandoned quote' },
  lostReasons: {
    no_need: 'No need now', price: 'Price', competitor_contract: 'Under contract with another carrier', not_serviceable: 'The building cannot serve it', unreachable: 'Cannot be reached', duplicate: 'Duplicate lead', other: 'Other',
  },
  late: 'Late: no response within 4 working hours',
  escalated: 'Escalated to the district lead',
  filters: { legend: 'Filters', status: 'Status', any: 'Any', building: 'Building', allBuildings: 'All buildings', lateOnly: 'Late only', apply: 'Filter', reset: 'Clear filters' },
  columns: { company: 'Company', building: 'Building', status: 'Status', received: 'Received', followUp: 'Next follow-up' },
  none: 'No leads match.',
  next: 'Next page',
  back: 'Back to my leads',
  detail: {
    facts: 'The lead', company: 'Company', contact: 'Contact', email: 'E-mail', creditCode: 'Unified social credit code', building: 'Building', noBuilding: 'No building given', manager: 'Building manager', noManager: 'District queue',
    source: 'Source', received: 'Received', respondBy: 'Respond by', followUp: 'Next follow-up', noFollowUp: 'Not set', order: 'Won by order', lost: 'Lost because', customerNote: 'Customer’s note', quote: 'Quote', openQuote: 'Open the quote',
    notes: 'Notes', noNotes: 'No notes yet.', actions: 'Actions', noActions: 'This lead is closed: nothing more can be done.', confirm: 'I have checked: do it',
    audit: 'Audit log', when: 'When', action: 'Action', before: 'Before', after: 'After', reason: 'Reason',
    who: { staff: 'Staff', customer: 'Customer', stripe: 'Stripe', system: 'System', cli: 'Command line' },
  },
  actions: {
    contact: 'Mark contacted', qualify: 'Mark qualified', addNote: 'Add a note', note: 'Note', setFollowUp: 'Set the follow-up date', followUpOn: 'Follow-up date', followUpHint: 'Save it empty to clear the date.',
    markLost: 'Mark lost', lostReason: 'Why it was lost', lostNote: 'Details (optional)', markWon: 'Link the order: mark won', orderNumber: 'Order number', orderNumberHint: 'The number of the customer’s order, e.g. SO261122-7K3F9Q.',
  },
  auditActions: {
    contact: 'Marked contacted', qualify: 'Marked qualified', add_note: 'Note added', set_follow_up: 'Follow-up date set', mark_won: 'Marked won', mark_lost: 'Marked lost', escalate: 'Escalated to the district lead',
  },
  auditFacts: {
    status: 'Status', followUpOn: 'Follow-up date', lostReason: 'Why lost', orderNumber: 'Order', matchedBy: 'Matched by', escalatedAt: 'Escalated', to: 'Escalated to',
    matchedByValues: { credit_code: 'the same unified social credit code', mobile: 'the same mobile number' },
    operations: 'Operations',
  },
  done: { contacted: 'Marked contacted.', qualified: 'Marked qualified.', note_added: 'Note added.', follow_up_set: 'Follow-up date saved.', lost: 'Marked lost.', won: 'Marked won.' },
  problems: {
    lead: 'The lead has changed meanwhile (perhaps in another window): look at where it is now, then act.',
    followUpOn: 'The follow-up date cannot be before today.',
    orderNumber: 'No such order: check the number (only orders in your buildings that are not cancelled can be linked).',
    note: 'Please write the note.',
    reason: 'Please choose why the lead was lost.',
  },
}

export const consoleLeadsText: Record<Lang, LeadsText> = { zh, en }
