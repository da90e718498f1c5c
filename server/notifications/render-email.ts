import { describeFlaggedReason } from '../domain/order-history'
import { describeReviewReason } from '../domain/order-review'
import { formatYuan } from '../pricing/money'
import type { InstallSlot, Lang, ManagerNewLeadPayload, NewOrderStatus, OutboxKind, OutboxMessage, PayloadOf } from './messages'
import { formatDate } from '../format-date'
import { brand, layOut, type Details, type EmailContent } from './email-layout'
import { emailVisitContent } from '../email-visits/templates'

export interface RenderedEmail {
  subject: string
  text: string
  html: string
}


const statusLabels: Record<Lang, Record<NewOrderStatus, string>> = {
  zh: { pending_review: '待运营审核', awaiting_payment: '待在线支付', awaiting_transfer: '待对公转账', survey_required: '待现场勘察', confirmed: '已确认（今日无需付款）' },
  en: {
    pending_review: 'Awaiting review by operations',
    awaiting_payment: 'Awaiting online payment',
    awaiting_transfer: 'Awaiting bank transfer',
    survey_required: 'Site survey required',
    confirmed: 'Confirmed (nothing due today)',
  },
}

const leadSourceLabels: Record<Lang, Record<string, string>> = {
  zh: { callback: '回电请求', unserviceable: '楼宇暂未覆盖', refer_to_manager: '转客户经理', abandoned_quote: '未完成的报价' },
  en: { callback: 'Callback request', unserviceable: 'Building not yet served', refer_to_manager: 'Referred to a manager', abandoned_quote: 'Abandoned quote' },
}

export function renderEmail<K extends OutboxKind>(kind: K, payload: PayloadOf<K>, lang: Lang): RenderedEmail {
  // The cast only re-pairs what the signature already ties together (kind K with payload of K).
  const content = contentOf({ kind, payload } as OutboxMessage, lang)
  return layOut(content, lang)
}

function contentOf(message: OutboxMessage, lang: Lang): EmailContent {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  const money = (fen: number) => formatYuan(fen, lang)
  const appointment = (date: string, slot: InstallSlot) => {
    const day = formatDate(date, lang, { weekday: true })
    return t(`${day} ${slot === 'am' ? '上午' : '下午'}`, `${day}, ${slot === 'am' ? 'morning' : 'afternoon'}`)
  }
  const track = (url: string) => ({ label: t('查看订单进度', 'Track your order'), url })
  // Customers are in China: deadlines are stated in Beijing time, whatever the server's zone.
  const deadline = (iso: string) => `${formatDate(iso, lang, { time: true })}${t('（北京时间）', ' (Beijing time)')}`
  const howToPay = (method: 'online' | 'invoice', orderNumber: string) =>
    method === 'online'
      ? t('请通过订单页面完成在线支付。', 'Please pay online from your order page.')
      : t(`请通过对公转账付款，并在转账备注中填写订单号 ${orderNumber}。`, `Please pay by bank transfer, quoting order number ${orderNumber} as the reference.`)

  switch (message.kind) {
    case 'order_confirmation': {
      const p = message.payload
      const next = {
        awaiting_payment: t(`请完成在线支付 ${money(p.amountDue)}，付款后我们将按预约时间上门安装。`, `Please complete the online payment of ${money(p.amountDue)}; we will install at your appointment once it is paid.`),
        awaiting_transfer: t(
          `请通过对公转账支付 ${money(p.amountDue)}，并在转账备注中填写订单号 ${p.orderNumber}。到账后我们将确认安装。`,
          `Please pay ${money(p.amountDue)} by bank transfer, quoting order number ${p.orderNumber} as the reference. We will confirm the installation when it arrives.`,
        ),
        survey_required: t(
          '您所在的楼宇需要先进行现场勘察，客户经理将与您联系安排。勘察完成前无需付款。',
          'Your building needs a site survey first; your account manager will contact you to arrange it. Nothing is due until the survey is done.',
        ),
        // Nothing was paid, so nothing may say so: what happens next is the manager's call.
        confirmed: t('今天无需付款，楼宇经理会致电与您确认安装。', 'Nothing to pay today; your building manager will call to confirm the installation.'),
        pending_review: t(
          '您的订单规模较大，需要运营人员审核后才能为您预留楼宇端口。审核完成后我们会邮件通知您下一步，在此之前无需付款。',
          'Your order is large, so our operations team reviews it before the building’s ports are reserved for you. We will e-mail you the next step once it is reviewed; nothing is due until then.',
        ),
      }[p.status]
      const details: Details = [
        [t('订单号', 'Order number'), p.orderNumber],
        [t('公司', 'Company'), p.companyName],
        [t('月费', 'Monthly fee'), money(p.monthly)],
      ]
      if (p.status !== 'survey_required') details.push([t('应付金额', 'Amount due'), money(p.amountDue)])
      if (p.paymentDueAt) details.push([t('付款截止时间', 'Pay by'), deadline(p.paymentDueAt)])
      // Until someone has called (survey, review, or the manager confirming), the slot is only what was asked for.
      const requested = p.status === 'survey_required' || p.status === 'confirmed' || p.status === 'pending_review'
      details.push([requested ? t('期望安装时间', 'Requested installation') : t('预约安装时间', 'Installation appointment'), appointment(p.installDate, p.installSlot)])
      if (p.managerName) details.push([t('客户经理', 'Account manager'), p.managerPhone ? t(`${p.managerName}（${p.managerPhone}）`, `${p.managerName} (${p.managerPhone})`) : p.managerName])
      return {
        subject: t(`订单确认 ${p.orderNumber} — ${brand.zh}`, `Order confirmation ${p.orderNumber} — ${brand.en}`),
        // Never the company name: whatever a visitor typed there would open a genuine mail in our voice.
        greeting: t('您好：', 'Hello,'),
        paragraphs: [t(`感谢您在${brand.zh}下单，您的订单号是 ${p.orderNumber}。`, `Thank you for your order with ${brand.en}. Your order number is ${p.orderNumber}.`), next],
        action: track(p.trackingUrl),
        details,
      }
    }
    case 'payment_received': {
      const p = message.payload
      return {
        subject: t(`已收到付款：订单 ${p.orderNumber} — ${brand.zh}`, `Payment received for order ${p.orderNumber} — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(`我们已收到订单 ${p.orderNumber} 的付款 ${money(p.amount)}，谢谢。`, `We have received your payment of ${money(p.amount)} for order ${p.orderNumber}. Thank you.`),
          t('我们将按预约时间上门安装；如需调整，请联系您的客户经理。', 'We will install at your appointment; please contact your account manager if you need to change it.'),
        ],
        action: track(p.trackingUrl),
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('付款金额', 'Amount paid'), money(p.amount)],
        ],
      }
    }
    case 'manager_new_order': {
      const p = message.payload
      const paragraphs = [t(`${p.buildingName} 有一笔新订单，请在上门前与客户确认安装时间。`, `There is a new order in ${p.buildingName}. Please confirm the installation time with the customer before the visit.`)]
      if (p.queueDistrict) paragraphs.push(t(`该楼宇暂无客户经理，订单已进入「${p.queueDistrict}」区待分配队列。`, `The building has no manager; the order is in the ${p.queueDistrict} district queue awaiting assignment.`))
      return {
        subject: t(`新订单 ${p.orderNumber}：${p.buildingName}`, `New order ${p.orderNumber}: ${p.buildingName}`),
        paragraphs,
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('公司', 'Company'), p.companyName],
          [t('楼宇', 'Building'), p.buildingName],
          [t('状态', 'Status'), statusLabels[lang][p.status] ?? p.status],
          [t('预约安装时间', 'Installation appointment'), appointment(p.installDate, p.installSlot)],
          [t('联系人', 'Contact'), p.contactName],
          [t('手机', 'Mobile'), p.contactMobile],
          [t('应付金额', 'Amount due'), money(p.amountDue)],
        ],
      }
    }
    case 'manager_new_lead': {
      const p = message.payload
      const paragraphs = [t('有客户希望与我们联系，请尽快回电。', 'A customer has asked to be contacted; please call them back soon.')]
      if (p.queueDistrict) paragraphs.push(t(`该线索已进入「${p.queueDistrict}」区待分配队列。`, `The lead is in the ${p.queueDistrict} district queue awaiting assignment.`))
      const where = p.buildingName ? t(`：${p.buildingName}`, `: ${p.buildingName}`) : ''
      return { subject: t(`新客户线索${where}`, `New lead${where}`), paragraphs, details: leadDetails(p, lang) }
    }
    case 'manager_lead_digest': {
      const { leads } = message.payload
      return {
        subject: t(`新客户线索 ${leads.length} 条`, `${leads.length} new leads`),
        paragraphs: [
          t(
            `以下 ${leads.length} 位客户希望与我们联系，请尽快回电。短时间内的多条线索合并在这一封邮件中。`,
            `These ${leads.length} customers have asked to be contacted; please call them back soon. Leads that came in close together are gathered in this one mail.`,
          ),
        ],
        details: [],
        sections: leads.map((lead, index) => ({ title: t(`线索 ${index + 1}`, `Lead ${index + 1}`), details: leadDetails(lead, lang) })),
      }
    }
    case 'lead_escalated': {
      const p = message.payload
      const who = p.managerName
        ? t(`该线索分配给楼宇经理${p.managerName}，`, `The lead went to building manager ${p.managerName} and `)
        : t('该线索在区域待分配队列中，', 'The lead is in the district queue and ')
      const details = leadDetails(p, lang)
      details.push([t('收到时间', 'Received'), `${formatDate(p.receivedAt, lang, { time: true })}${t('（北京时间）', ' (Beijing time)')}`])
      if (p.managerName) details.push([t('楼宇经理', 'Building manager'), p.managerName])
      return {
        subject: t('线索超过 1 个工作日无人跟进', 'A lead has waited a working day without a response'),
        paragraphs: [
          t(
            `${who}已超过 1 个工作日无人跟进（应在 4 个工作小时内响应）。请督促跟进或重新分配。`,
            `${who}nobody has responded for a working day (the response is due within 4 working hours). Please see that it is followed up or reassign it.`,
          ),
        ],
        action: { label: t('在后台查看线索', 'Open the lead in the console'), url: p.leadUrl },
        details,
      }
    }
    case 'email_verification': {
      const p = message.payload
      return {
        subject: t(`邮箱验证码 — ${brand.zh}`, `Your e-mail verification code — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(`您的邮箱验证码是 ${p.code}，${p.validMinutes} 分钟内有效。请在下单页面输入此验证码。`, `Your verification code is ${p.code}. It is valid for ${p.validMinutes} minutes; enter it on the order page.`),
          t('如果您没有在我们的网站下单，请忽略本邮件：没有这个验证码，任何人都不能用您的邮箱下单。', 'If you are not placing an order on our site, please ignore this mail: without this code nobody can order with your address.'),
        ],
        details: [
          [t('验证码', 'Code'), p.code],
          [t('有效期', 'Valid for'), t(`${p.validMinutes} 分钟`, `${p.validMinutes} minutes`)],
        ],
      }
    }
    case 'ops_order_review': {
      const p = message.payload
      return {
        subject: t(`订单待审核 ${p.orderNumber}：${p.buildingName}`, `Order to review ${p.orderNumber}: ${p.buildingName}`),
        paragraphs: [
          t(
            `订单 ${p.orderNumber} 超出了免审上限，尚未预留任何端口。请核实客户后批准或拒绝。`,
            `Order ${p.orderNumber} is above what an order may take without review; nothing has been reserved. Please check the customer, then approve or reject it.`,
          ),
        ],
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('公司', 'Company'), p.companyName],
          [t('统一社会信用代码', 'Credit code'), p.creditCode],
          [t('楼宇', 'Building'), p.buildingName],
          [t('联系人', 'Contact'), p.contactName],
          [t('手机', 'Mobile'), p.contactMobile],
          ...p.reasons.map((reason): [string, string] => [t('审核原因', 'Reason'), describeReviewReason(reason, lang)]),
        ],
      }
    }
    case 'order_approved': {
      const p = message.payload
      const next = {
        awaiting_payment: t(`请在截止时间前完成在线支付 ${money(p.amountDue)}。`, `Please pay ${money(p.amountDue)} online before the deadline.`),
        awaiting_transfer: t(
          `请在截止时间前通过对公转账支付 ${money(p.amountDue)}，并在转账备注中填写订单号 ${p.orderNumber}。`,
          `Please pay ${money(p.amountDue)} by bank transfer before the deadline, quoting order number ${p.orderNumber} as the reference.`,
        ),
        survey_required: t('您所在的楼宇需要先进行现场勘察，客户经理将与您联系安排。勘察完成前无需付款。', 'Your building needs a site survey first; your account manager will contact you to arrange it. Nothing is due until the survey is done.'),
        confirmed: t('今天无需付款，楼宇经理会致电与您确认安装。', 'Nothing to pay today; your building manager will call to confirm the installation.'),
      }[p.status]
      const details: Details = [
        [t('订单号', 'Order number'), p.orderNumber],
        [t('状态', 'Status'), statusLabels[lang][p.status]],
      ]
      if (p.paymentDueAt) details.push([t('应付金额', 'Amount due'), money(p.amountDue)], [t('付款截止时间', 'Pay by'), deadline(p.paymentDueAt)])
      const surveyed = p.after === 'survey'
      return {
        subject: surveyed
          ? t(`现场勘察已完成：订单 ${p.orderNumber} — ${brand.zh}`, `Site survey done: order ${p.orderNumber} — ${brand.en}`)
          : t(`订单已通过审核：${p.orderNumber} — ${brand.zh}`, `Order ${p.orderNumber} approved — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          surveyed
            ? t(`订单 ${p.orderNumber} 的现场勘察已完成，楼宇端口已为您预留。`, `The site survey for order ${p.orderNumber} is done and the building’s ports are reserved for you.`)
            : t(`您的订单 ${p.orderNumber} 已通过审核，楼宇端口已为您预留。`, `Your order ${p.orderNumber} has been approved and the building’s ports are reserved for you.`),
          next,
        ],
        action: track(p.trackingUrl),
        details,
      }
    }
    case 'installation_scheduled': {
      const p = message.payload
      const when = appointment(p.installDate, p.installSlot)
      return {
        subject: p.moved
          ? t(`安装时间已变更：订单 ${p.orderNumber} — ${brand.zh}`, `Installation moved: order ${p.orderNumber} — ${brand.en}`)
          : t(`已预约上门安装：订单 ${p.orderNumber} — ${brand.zh}`, `Installation booked: order ${p.orderNumber} — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          p.moved
            ? t(`订单 ${p.orderNumber} 的上门安装已改到 ${when}。`, `The installation for order ${p.orderNumber} has been moved to ${when}.`)
            : t(`订单 ${p.orderNumber} 的上门安装已预约在 ${when}。`, `The installation for order ${p.orderNumber} is booked for ${when}.`),
          t('如需调整，请联系您的客户经理。', 'Please contact your account manager if you need to change it.'),
        ],
        action: track(p.trackingUrl),
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('预约安装时间', 'Installation appointment'), when],
        ],
      }
    }
    case 'installation_started': {
      const p = message.payload
      return {
        subject: t(`已开始安装：订单 ${p.orderNumber} — ${brand.zh}`, `Installation started: order ${p.orderNumber} — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [t(`我们的工程师已开始为订单 ${p.orderNumber} 上门安装。`, `Our engineers have started the installation for order ${p.orderNumber}.`)],
        action: track(p.trackingUrl),
        details: [[t('订单号', 'Order number'), p.orderNumber]],
      }
    }
    case 'service_active': {
      const p = message.payload
      return {
        subject: t(`服务已开通：订单 ${p.orderNumber} — ${brand.zh}`, `Your service is active: order ${p.orderNumber} — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(`订单 ${p.orderNumber} 的服务已开通，可以使用了。`, `The services of order ${p.orderNumber} are active and ready to use.`),
          t('如有任何问题，请联系您的客户经理。', 'Please contact your account manager with any questions.'),
        ],
        action: track(p.trackingUrl),
        details: [[t('订单号', 'Order number'), p.orderNumber]],
      }
    }
    case 'order_cancelled': {
      const p = message.payload
      const why = {
        not_approved: t('很抱歉，您的订单未能通过审核，已被取消。如有疑问，请联系您的客户经理。', 'We are sorry: your order could not be approved and has been cancelled. Please contact your account manager with any questions.'),
        unpaid: t('由于在付款截止时间前没有收到付款，您的订单已被取消，为您预留的端口已释放。', 'We did not receive your payment by the deadline, so your order has been cancelled and the ports reserved for it released.'),
        payment_failed: t('在线支付未完成，您的订单已被取消，为您预留的端口已释放。', 'The online payment was not completed, so your order has been cancelled and the ports reserved for it released.'),
        by_operations: t('您的订单已由我们的运营团队取消，为您预留的端口已释放。', 'Our operations team has cancelled your order and released the ports reserved for it.'),
      }[p.reason]
      return {
        subject: t(`订单已取消：${p.orderNumber} — ${brand.zh}`, `Order ${p.orderNumber} cancelled — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [why, t('如需重新办理，请重新获取报价后下单。', 'To order again, please make a new quote.')],
        action: track(p.trackingUrl),
        details: [[t('订单号', 'Order number'), p.orderNumber], ...(p.note ? [[t('原因', 'Reason'), p.note] as [string, string]] : [])],
      }
    }
    case 'payment_reminder': {
      const p = message.payload
      return {
        subject: t(`付款提醒：订单 ${p.orderNumber} — ${brand.zh}`, `Payment reminder: order ${p.orderNumber} — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(
            `我们尚未收到订单 ${p.orderNumber} 的付款 ${money(p.amountDue)}。为您预留的楼宇端口将保留至 ${deadline(p.paymentDueAt)}，届时仍未付款，订单将自动取消。`,
            `We have not yet received the payment of ${money(p.amountDue)} for order ${p.orderNumber}. The building’s ports are reserved for you until ${deadline(p.paymentDueAt)}; if it is still unpaid then, the order is cancelled.`,
          ),
          howToPay(p.paymentMethod, p.orderNumber),
        ],
        action: track(p.trackingUrl),
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('应付金额', 'Amount due'), money(p.amountDue)],
          [t('付款截止时间', 'Pay by'), deadline(p.paymentDueAt)],
        ],
      }
    }
    case 'win_back_offer': {
      const p = message.payload
      // The code stops at the end of its last day (Shanghai): the mail names that day, not the next midnight.
      const until = formatDate(new Date(Date.parse(p.expiresAt) - 1).toISOString(), lang)
      const details: Details = [
        [t('优惠码', 'Offer code'), p.code],
        [t('公司', 'Company'), p.companyName],
        [t('楼宇', 'Building'), p.buildingName],
        [t('最后可用日', 'Last day to use it'), until],
      ]
      if (p.managerName) details.push([t('楼宇经理', 'Building manager'), p.managerPhone ? t(`${p.managerName}（${p.managerPhone}）`, `${p.managerName} (${p.managerPhone})`) : p.managerName])
      return {
        // Never the company name in the subject or the opening: staff typed it, it stays a labelled value.
        subject: t(`您的专属回归优惠码 — ${brand.zh}`, `Your welcome-back offer code — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(
            `您的楼宇经理为贵司准备了一份专属回归套餐。优惠码 ${p.code} 只能用于下方列明的公司和楼宇，下单一次后失效。`,
            `Your building manager has prepared a welcome-back bundle for your company. Offer code ${p.code} is for the company and building below only, and works for one order.`,
          ),
          t('打开下方链接即可查看套餐并在线下单；下单时请使用该公司的统一社会信用代码。', 'Open the link below to see the bundle and order it online, with your company’s unified social credit code.'),
        ],
        action: { label: t('查看专属套餐', 'See my offer'), url: p.offerUrl },
        details,
      }
    }
    case 'assisted_quote_proposal': {
      const p = message.payload
      const details: Details = [
        [t('方案', 'Plan'), p.offeringName],
        [t('公司', 'Company'), p.companyName],
        [t('楼宇', 'Building'), p.buildingName],
        [t('核定月均通信费（X）', 'Agreed monthly spend (X)'), money(p.x)],
        [t('预计首月账单', 'Estimated first bill'), money(p.monthly)],
        [t('合约期', 'Contract term'), t(`${p.termMonths} 个月`, `${p.termMonths} months`)],
        [t('报价有效期至', 'Quote valid until'), formatDate(p.expiresAt, lang, { time: true }) + t('（北京时间）', ' (Beijing time)')],
        [t('方案制作人', 'Prepared by'), p.preparedBy],
      ]
      if (p.managerName) details.push([t('楼宇经理', 'Building manager'), p.managerPhone ? t(`${p.managerName}（${p.managerPhone}）`, `${p.managerName} (${p.managerPhone})`) : p.managerName])
      return {
        subject: t(`您的通信费用节省建议书 — ${brand.zh}`, `Your telecom savings proposal — ${brand.en}`),
        greeting: t('您好：', 'Hello,'),
        paragraphs: [
          t(
            '我们根据与您沟通的通信费情况，为贵司准备了一份通信费用节省建议书，其中的月均通信费（X）已按双方商定的金额计算。',
            'We have prepared a telecom savings proposal for your company from the spend we discussed with you; its average monthly spend (X) is the amount we agreed.',
          ),
          t('打开下方链接即可查看方案、费用明细和合约条款，并可在有效期内在线下单。', 'Open the link below to see the plan, its charges and contract terms, and to order it online while the quote is valid.'),
        ],
        action: { label: t('查看建议书', 'View the proposal'), url: p.proposalUrl },
        details,
      }
    }
    case 'email_visit':
      return emailVisitContent(message.payload, lang)
    case 'ops_payment_flagged': {
      const p = message.payload
      return {
        subject: t(`付款需人工核查：订单 ${p.orderNumber}`, `Payment flagged for review: order ${p.orderNumber}`),
        paragraphs: [t(`订单 ${p.orderNumber} 的付款未能自动确认，请人工核查后处理。`, `The payment for order ${p.orderNumber} could not be confirmed automatically; please review it.`)],
        details: [
          [t('订单号', 'Order number'), p.orderNumber],
          [t('原因', 'Reason'), describeFlaggedReason(p.flag ?? p.reason, lang) ?? '—'],
        ],
      }
    }
  }
}

function leadDetails(p: ManagerNewLeadPayload, lang: Lang): Details {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  const details: Details = [
    [t('公司', 'Company'), p.company],
    [t('联系人', 'Contact'), p.contactName],
    [t('手机', 'Mobile'), p.mobile],
  ]
  if (p.buildingName) details.push([t('楼宇', 'Building'), p.buildingName])
  details.push([t('来源', 'Source'), leadSourceLabels[lang][p.source] ?? p.source])
  if (p.note) details.push([t('备注', 'Note'), p.note])
  return details
}
