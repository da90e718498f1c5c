import type { OutboxMessage } from '../../server/notifications/messages'

/** One message of each kind, as the outbox and the mail renderer tests send them. */
export const TRACKING_URL = 'https://storefront.test/orders/OB-20261120-0042?token=abc&lang=zh'

export const confirmation = (orderNumber: string, companyName = '上海示例科技有限公司'): OutboxMessage => ({
  kind: 'order_confirmation',
  payload: {
    orderNumber,
    companyName,
    status: 'awaiting_transfer',
    amountDue: 123_456,
    monthly: 59_900,
    installDate: '2026-12-01',
    installSlot: 'am',
    trackingUrl: TRACKING_URL,
    managerName: '王静',
    managerPhone: '13800001111',
  },
})

export const messages: Record<OutboxMessage['kind'], OutboxMessage> = {
  order_confirmation: confirmation('OB-20261120-0042', '<script>alert(1)</script> 示例科技'),
  payment_received: { kind: 'payment_received', payload: { orderNumber: 'OB-20261120-0042', amount: 123_456, trackingUrl: TRACKING_URL } },
  manager_new_order: {
    kind: 'manager_new_order',
    payload: {
      orderNumber: 'OB-20261120-0042',
      companyName: '<script>alert(1)</script> 示例科技',
      buildingName: '金茂大厦',
      status: 'confirmed',
      installDate: '2026-12-01',
      installSlot: 'pm',
      contactName: '李雷',
      contactMobile: '13812345678',
      amountDue: 123_456,
      queueDistrict: '浦东新区',
    },
  },
  manager_new_lead: {
    kind: 'manager_new_lead',
    payload: { company: '<script>alert(1)</script> 示例科技', contactName: '李雷', mobile: '13812345678', buildingName: '金茂大厦', source: 'callback', note: '下午方便' },
  },
  ops_payment_flagged: { kind: 'ops_payment_flagged', payload: { orderNumber: 'OB-20261120-0042', reason: 'amount <mismatch>' } },
  ops_order_review: {
    kind: 'ops_order_review',
    payload: {
      orderNumber: 'OB-20261120-0042',
      companyName: '<script>alert(1)</script> 示例科技',
      creditCode: '91330100716105852F',
      buildingName: '浦东软件园',
      contactName: '李雷',
      contactMobile: '13812345678',
      reasons: [
        { kind: 'component_count', code: 'fixed-line', count: 50, limit: 20 },
        { kind: 'port_share', port: 'voice', needed: 160, free: 160, allowed: 40 },
      ],
    },
  },
  order_approved: {
    kind: 'order_approved',
    payload: { orderNumber: 'OB-20261120-0042', status: 'awaiting_transfer', amountDue: 123_456, paymentDueAt: '2026-11-27T03:00:00.000Z', trackingUrl: TRACKING_URL },
  },
  order_cancelled: { kind: 'order_cancelled', payload: { orderNumber: 'OB-20261120-0042', reason: 'unpaid', trackingUrl: TRACKING_URL } },
  installation_scheduled: {
    kind: 'installation_scheduled',
    payload: { orderNumber: 'OB-20261120-0042', installDate: '2026-12-01', installSlot: 'pm', moved: true, trackingUrl: TRACKING_URL },
  },
  installation_started: { kind: 'installation_started', payload: { orderNumber: 'OB-20261120-0042', trackingUrl: TRACKING_URL } },
  service_active: { kind: 'service_active', payload: { orderNumber: 'OB-20261120-0042', trackingUrl: TRACKING_URL } },
  assisted_quote_proposal: {
    kind: 'assisted_quote_proposal',
    payload: {
      proposalUrl: 'https://storefront.test/quotes/c8a3e1f0-0000-4000-8000-000000000003',
      offeringName: '商务常青',
      companyName: '<script>alert(1)</script> 示例科技',
      buildingName: '金茂大厦',
      x: 800000,
      monthly: 880000,
      termMonths: 12,
      expiresAt: '2026-11-29T03:00:00.000Z',
      preparedBy: '王静 Wang Jing',
      managerName: '王静',
      managerPhone: '13800001111',
    },
  },
  win_back_offer: {
    kind: 'win_back_offer',
    payload: {
      code: 'WB-7K3F-9QXA-M2TD',
      offerUrl: 'https://storefront.test/offer?code=WB-7K3F-9QXA-M2TD',
      companyName: '<script>alert(1)</script> 示例科技',
      buildingName: '金茂大厦',
      expiresAt: '2026-12-31T16:00:00.000Z',
      managerName: '王静',
      managerPhone: '13800001111',
    },
  },
  payment_reminder: {
    kind: 'payment_reminder',
    payload: { orderNumber: 'OB-20261120-0042', amountDue: 123_456, paymentMethod: 'invoice', paymentDueAt: '2026-11-27T03:00:00.000Z', trackingUrl: TRACKING_URL },
  },
  lead_escalated: {
    kind: 'lead_escalated',
    payload: {
      company: '<script>alert(1)</script> 示例科技',
      contactName: '李雷',
      mobile: '13812345678',
      buildingName: '金茂大厦',
      source: 'abandoned_quote',
      managerName: '王静',
      receivedAt: '2026-11-23T01:30:00.000Z',
      leadUrl: 'https://storefront.test/console/leads/c8a3e1f0-0000-4000-8000-000000000002',
    },
  },
  email_visit: {
    kind: 'email_visit',
    payload: {
      recipientId: 'c8a3e1f0-0000-4000-8000-000000000004',
      template: 'introduction',
      company: '<script>alert(1)</script> 示例科技',
      managerName: '王静',
      managerPhone: '13800001111',
      bundles: [{ name: 'Business Evergreen', fromMonthly: 99_900, url: 'https://storefront.test/api/email-visits/go/t0ken/evergreen' }],
      unsubscribeUrl: 'https://storefront.test/unsubscribe/t0ken',
      oneClickUrl: 'https://storefront.test/api/email-visits/unsubscribe/t0ken',
    },
  },
  email_verification: { kind: 'email_verification', payload: { verificationId: 'c8a3e1f0-0000-4000-8000-000000000001', code: '042917', validMinutes: 10 } },
  manager_lead_digest: {
    kind: 'manager_lead_digest',
    payload: {
      leads: [
        { company: '<script>alert(1)</script> 示例科技', contactName: '李雷', mobile: '13812345678', source: 'callback' },
        { company: '上海乙公司', contactName: '韩梅梅', mobile: '13912345678', buildingName: '金茂大厦', source: 'unserviceable', note: '上午或下午' },
      ],
    },
  },
}
