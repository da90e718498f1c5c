/**
 * A lead's life as a transition table: a building manager contacts the company, qualifies it (a real
 * need the building can serve), and the lead ends won (the company ordered: the order is linked) or
 * lost (with a reason). Won and lost are terminal. Anything not listed is refused, so a stale page or a
 * repeated command cannot move a lead backwards. A lead may be won or lost from any open status: a
 * company may order before anyone called it.
 */
export const leadTransitions = {
  new: ['contacted', 'won', 'lost'],
  contacted: ['qualified', 'won', 'lost'],
  qualified: ['won', 'lost'],
  won: [],
  lost: [],
} as const satisfies Record<string, readonly string[]>

export type LeadStatus = keyof typeof leadTransitions

export const leadStatuses = Object.keys(leadTransitions) as LeadStatus[]

/** The statuses someone still works on: notes and follow-up dates are for these only. */
export const openLeadStatuses = ['new', 'contacted', 'qualified'] as const satisfies readonly LeadStatus[]

export const isLeadStatus = (value: string): value is LeadStatus => value in leadTransitions

export function canMoveLead(from: LeadStatus, to: LeadStatus): boolean {
  return (leadTransitions[from] as readonly LeadStatus[]).includes(to)
}

export const isOpenLead = (status: string): boolean => (openLeadStatuses as readonly string[]).includes(status)

/**
 * The commands staff (and the system) issue on a lead, with the status each moves it to; `null` for a
 * command that changes something else (a note, a follow-up date) and applies to an open lead only.
 */
export const leadCommandTargets = {
  contact: 'contacted',
  qualify: 'qualified',
  mark_won: 'won',
  mark_lost: 'lost',
  add_note: null,
  set_follow_up: null,
} as const satisfies Record<string, LeadStatus | null>

export type LeadCommand = keyof typeof leadCommandTargets

/** Whether `command` applies to a lead in `status`: by the transition table, or being open. */
export function leadCommandApplies(command: LeadCommand, status: LeadStatus): boolean {
  const target = leadCommandTargets[command]
  return target === null ? isOpenLead(status) : canMoveLead(status, target)
}

/** Why a lead was lost: a closed set, so marketing can count them (the manager may add words). */
export const leadLostReasons = ['no_need', 'price', 'competitor_contract', 'not_serviceable', 'unreachable', 'duplicate', 'other'] as const

export type LeadLostReason = (typeof leadLostReasons)[number]

/** Where a lead came from (the public callback form's sources, and the abandoned-quote job). */
export const leadSources = ['callback', 'unserviceable', 'refer_to_manager', 'abandoned_quote'] as const

export type LeadSource = (typeof leadSources)[number]
