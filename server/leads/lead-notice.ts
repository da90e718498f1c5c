import type { ManagerNewLeadPayload } from '../notifications/messages'

/**
 * What a mail to staff says of a lead: the customer's words (company, contact, note) go only into the
 * mail's labelled fields (render-email), never its subject or opening.
 */
export function leadNotice(
  lead: { company: string; contact_name: string; mobile: string; source: string; note: string | null },
  where: { buildingName?: string; queueDistrict?: string | null } = {},
): ManagerNewLeadPayload {
  return {
    company: lead.company,
    contactName: lead.contact_name,
    mobile: lead.mobile,
    source: lead.source,
    ...(where.buildingName ? { buildingName: where.buildingName } : {}),
    ...(lead.note ? { note: lead.note } : {}),
    ...(where.queueDistrict ? { queueDistrict: where.queueDistrict } : {}),
  }
}
