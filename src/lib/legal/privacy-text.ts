import type { Operator } from '../../../server/domain/operator'
import type { Lang } from '../lang'
import { LEGAL_DOCUMENTS_EFFECTIVE, type LegalDocument } from './legal-document'

/**
 * The privacy policy in plain words: what this site collects, why, how long it is kept, who sees it
 * and how to reach us. It describes what the code actually stores (orders, callback requests,
 * campaign parameters, rate-limit counters) — change it with them.
 */
export function privacyText(lang: Lang, operator: Operator): LegalDocument {
  const name = operator.name[lang]
  return lang === 'zh'
    ? {
        title: '隐私政策',
        description: `${name}如何收集、使用和保存您在本网站填写的信息。`,
        effective: LEGAL_DOCUMENTS_EFFECTIVE,
        intro: `${name}（下称“我们”）依照《中华人民共和国个人信息保护法》处理您的个人信息。本政策用平实的语言说明本网站收集哪些信息、为什么收集、保存多久，以及您可以如何查询、更正或删除。`,
        sections: [
          {
            heading: '一、我们收集什么，为什么',
            list: [
              '报价：您所选的业务、数量、楼宇和填写的月消费金额，用于计算报价和节省建议书。报价不包含您的姓名或电话。',
              '订单：企业名称、统一社会信用代码、联系人姓名、手机号码、电子邮箱、安装楼层和房间号、发票信息，用于开通业务、上门安装、开具发票和联系您。',
              '回电请求：企业名称、联系人姓名和手机号码，只用于楼宇经理给您回电。',
              '广告来源：您从哪个广告或活动进入本网站（如 utm_source 参数），只用于统计活动效果，不关联到个人。',
              '安全：您的网络地址会短暂计入访问频率限制，用于防止恶意刷单和猜测优惠码。',
            ],
          },
          {
            heading: '二、谁能看到',
            paragraphs: [
              '只有负责您楼宇的楼宇经理和处理订单的运营人员能看到您的订单和回电请求。在线支付由支付服务商处理，我们不保存银行卡信息。我们不出售您的个人信息，也不将其用于与您的订单无关的营销。',
            ],
          },
          {
            heading: '三、保存多久',
            list: [
              '订单和发票信息：依照税务和电信监管要求，在合约结束后保存 5 年。',
              '回电请求：跟进结束后 1 年内删除。',
              '未下单的报价：有效期过后 90 天内删除。',
              '访问频率计数：最长 1 天后自动清除。',
            ],
          },
          {
            heading: '四、您的权利',
            paragraphs: [
              `您可以查询、复制、更正或删除您的个人信息，也可以撤回同意（撤回不影响已完成的处理，也可能导致无法继续提供服务）。请发邮件至 ${operator.privacyEmail} 或拨打企业客户热线 ${operator.hotline}，我们会在 15 个工作日内答复。`,
            ],
          },
          {
            heading: '五、安全与存储地点',
            paragraphs: ['您的信息存储在中国境内的服务器上，传输全程加密，仅授权人员可以访问，所有访问均有记录。'],
          },
          {
            heading: '六、Cookie',
            paragraphs: ['本网站只使用必要的 Cookie：记录您从哪个活动进入（90 天）和您刚提交的订单（用于避免重复下单）。我们不使用第三方广告跟踪 Cookie。'],
          },
          {
            heading: '七、联系我们',
            paragraphs: [`${name} · 个人信息保护联系邮箱 ${operator.privacyEmail} · 企业客户热线 ${operator.hotline} · 网站备案号 ${operator.icpLicence}`],
          },
        ],
      }
    : {
        title: 'Privacy policy',
        description: `How ${name} collects, uses and keeps the information you give on this website.`,
        effective: LEGAL_DOCUMENTS_EFFECTIVE,
        intro: `${name} (“we”) handles your personal information under the Personal Information Protection Law of the People’s Republic of China. This policy says in plain words what this website collects, why, how long we keep it, and how you can see, correct or delete it.`,
        sections: [
          {
            heading: '1. What we collect and why',
            list: [
              'Quotes: the services and counts you choose, your building and the monthly spend you enter, to price the quote and the savings proposal. A quote holds no name or phone number.',
              'Orders: company name, unified social credit code, the contact’s name, mobile number and e-mail, floor and unit, and the invoice details, to activate and install the services, issue invoices and reach you.',
              'Callback requests: company name, the contact’s name and mobile number, only for your building manager to call you back.',
              'Campaign source: which ad or campaign brought you here (such as the utm_source parameter), only to measure campaigns, never tied to a person.',
              'Security: your network address counts briefly towards request limits, to stop automated orders and the guessing of offer codes.',
            ],
          },
          {
            heading: '2. Who sees it',
            paragraphs: [
              'Only the building manager of your building and the operations staff handling your order see your order and callback requests. Online payments are handled by the payment provider; we never store card details. We do not sell your personal information or use it for marketing unrelated to your order.',
            ],
          },
          {
            heading: '3. How long we keep it',
            list: [
              'Orders and invoice details: 5 years after the contract ends, as tax and telecom rules require.',
              'Callback requests: deleted within 1 year after the follow-up ends.',
              'Quotes that were not ordered: deleted within 90 days after they expire.',
              'Request-limit counters: cleared automatically after 1 day at most.',
            ],
          },
          {
            heading: '4. Your rights',
            paragraphs: [
              `You can see, copy, correct or delete your personal information, and withdraw your consent (this does not undo what was already done, and we may then be unable to go on providing the service). E-mail ${operator.privacyEmail} or call the business hotline ${operator.hotline}; we answer within 15 working days.`,
            ],
          },
          {
            heading: '5. Security and where it is stored',
            paragraphs: ['Your information is stored on servers in mainland China, encrypted in transit, and seen only by authorised staff; every access is logged.'],
          },
          {
            heading: '6. Cookies',
            paragraphs: ['This website uses only necessary cookies: which campaign brought you here (90 days) and the order you have just placed (so it is not placed twice). We use no third-party advertising cookies.'],
          },
          {
            heading: '7. Contact',
            paragraphs: [`${name} · personal information contact ${operator.privacyEmail} · business hotline ${operator.hotline} · ICP filing ${operator.icpLicence}`],
          },
        ],
      }
}
