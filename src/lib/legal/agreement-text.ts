import type { Operator } from '../../../server/domain/operator'
import type { Lang } from '../lang'
import { LEGAL_DOCUMENTS_EFFECTIVE, type LegalDocument } from './legal-document'

/**
 * The service agreement every order accepts, in plain words. Prices, terms, commitments and leaving
 * fees are not repeated here: each order's own offer states them (contract terms on the quote and at
 * checkout), and this agreement points to them.
 */
export function agreementText(lang: Lang, operator: Operator): LegalDocument {
  const name = operator.name[lang]
  return lang === 'zh'
    ? {
        title: '企业融合套餐服务协议',
        description: `${name}企业宽带、固话、手机融合套餐的服务协议：卖什么、怎么计费、合约期与提前解约、安装与售后。`,
        effective: LEGAL_DOCUMENTS_EFFECTIVE,
        intro: `本协议是您的企业（下称“客户”）与${name}（下称“我们”）之间关于通过本网站订购企业融合套餐的约定。下单时勾选同意即表示贵司接受本协议及所订套餐报价中列明的合约条款；两者不一致时，以报价中的合约条款为准。`,
        sections: [
          {
            heading: '一、我们提供什么',
            paragraphs: [
              '我们为上海商务楼宇中的企业提供电信服务组合：固定宽带、办公固话、手机号码及增值业务（如云邮箱、云存储、集团彩铃、400 号码）。每个套餐包含哪些业务、数量上限和速率，以下单时的报价为准。',
              '我们只在您所在楼宇具备条件时销售相应业务。楼宇端口不足时，订单会转为上门勘察，确认可以安装前不收取费用。',
            ],
          },
          {
            heading: '二、价格与计费',
            list: [
              '价格以人民币计，含增值税；下单价格来自您确认的报价，报价有效期 7 天。',
              '每月一张账单，按自然月计费；首月与末月按实际使用天数折算，报价另有说明的除外。',
              '承诺消费类套餐：当月实际消费低于承诺额时按承诺额收费，超出部分按报价所列规则计费。',
              '赠送的话费、通话时长等当月有效，不结转、不兑现。',
              '对公转账或在线支付均可；我们按您在下单时填写的发票信息开具增值税发票。',
            ],
          },
          {
            heading: '三、合约期与提前解约',
            paragraphs: [
              '有合约期的套餐，合约期自业务开通之日起计算。合约期内提前解约，需按该套餐报价中“合约条款”列明的提前解约费用表支付费用；报价和订单确认邮件中都写明了使用若干个月后解约应付的金额。',
              '无合约期的套餐可随时停用，次月起停止计费；已预付的费用按报价所列规则处理。',
              '合约期满后，如双方均未提出变更，服务按届时的标准资费逐月延续，您可随时停用而无需支付解约费用。',
            ],
          },
          {
            heading: '四、安装、开通与售后',
            list: [
              '您的楼宇经理负责上门安装和后续服务；下单时可选择上门日期和时段。',
              '由于楼宇物业、施工许可等非我们原因无法按时安装的，我们会与您另约时间。',
              `故障报修请拨打企业客户热线 ${operator.hotline}（7×24 小时）或联系您的楼宇经理。`,
            ],
          },
          {
            heading: '五、双方的责任',
            list: [
              '客户应提供真实的企业名称、统一社会信用代码和联系人信息，合法使用服务，不转售、不用于群发骚扰或其他违法用途。',
              '我们按国家标准和报价所列速率提供服务；因我们的原因中断服务超过 24 小时的，按中断天数减免当月月费。',
              '不可抗力（如自然灾害、政府行为、第三方线路施工）造成的中断，双方互不承担责任，但我们会尽快恢复服务。',
            ],
          },
          {
            heading: '六、变更与争议',
            paragraphs: [
              '本协议的修改会在生效至少 30 天前在本网站公布并通知在网客户；不同意修改的客户可在生效前无责解约。',
              `本协议适用中华人民共和国法律。发生争议时，双方先协商解决；协商不成的，可向上海市通信管理局申诉，或向${name}所在地有管辖权的人民法院起诉。`,
            ],
          },
          {
            heading: '七、联系我们',
            paragraphs: [`${name} · 企业客户热线 ${operator.hotline} · 网站备案号 ${operator.icpLicence}`],
          },
        ],
      }
    : {
        title: 'Service agreement for business bundles',
        description: `The service agreement for ${name}’s business broadband, phone line and mobile bundles: what is sold, billing, terms and leaving early, installation and support.`,
        effective: LEGAL_DOCUMENTS_EFFECTIVE,
        intro: `This agreement is between your company (“you”) and ${name} (“we”) for the business bundles ordered on this website. By ticking the box when you order, your company accepts this agreement and the contract terms stated in the quote of the bundle you order; where the two differ, the quote’s contract terms apply.`,
        sections: [
          {
            heading: '1. What we provide',
            paragraphs: [
              'We provide telecom services to companies in Shanghai office buildings: fixed broadband, office phone lines, mobile lines and value-added services (such as cloud e-mail, cloud storage, group ringback tones and 400 numbers). What each bundle contains, its limits and its speeds are those stated in your quote.',
              'We only sell what your building can carry. If your building has no free port, your order becomes a site survey, and nothing is charged until we confirm that we can install.',
            ],
          },
          {
            heading: '2. Prices and billing',
            list: [
              'Prices are in yuan (CNY) and include VAT. The price of your order is the one in the quote you accepted; a quote is valid for 7 days.',
              'One bill a month, per calendar month; the first and last month are charged for the days of service unless the quote says otherwise.',
              'Commitment bundles: in a month where your use is below the commitment, you pay the commitment; use above it is charged as the quote states.',
              'Gifted credit and minutes are for the month they are given in: they do not carry over and are not paid out.',
              'You pay by bank transfer or online; we issue VAT invoices (fapiao) with the invoice details you give when you order.',
            ],
          },
          {
            heading: '3. Contract terms and leaving early',
            paragraphs: [
              'A bundle with a contract term runs from the day the service is activated. Leaving before the end of the term costs the early-termination fee in the “contract terms” of that bundle’s quote; the quote and your order confirmation state the fee due after a given number of months.',
              'A bundle without a term can be stopped at any time; billing stops from the next month. Prepayments are handled as the quote states.',
              'At the end of a term, unless either side asks for a change, the service continues month by month at the standard prices of the time, and you can stop it at any time without a fee.',
            ],
          },
          {
            heading: '4. Installation, activation and support',
            list: [
              'Your building manager installs and looks after your services; you choose the day and time of the visit when you order.',
              'If the installation cannot happen on time for reasons outside our control (the building’s management, work permits), we agree a new time with you.',
              `Report a fault on the business hotline ${operator.hotline} (24 hours a day) or to your building manager.`,
            ],
          },
          {
            heading: '5. What each side is responsible for',
            list: [
              'You give your company’s true name, unified social credit code and contact details, use the services lawfully, and do not resell them or use them for spam or anything illegal.',
              'We provide the services to national standards and at the speeds in your quote. If a service is down for more than 24 hours through our fault, we waive that month’s fee for the days it was down.',
              'Neither side is liable for interruptions caused by force majeure (natural disasters, government action, third-party works on the lines), but we restore service as soon as we can.',
            ],
          },
          {
            heading: '6. Changes and disputes',
            paragraphs: [
              'We publish changes to this agreement on this website and tell our customers at least 30 days before they apply; a customer who does not accept a change may leave without a fee before it applies.',
              `This agreement is governed by the laws of the People’s Republic of China. In a dispute, we first try to agree; failing that, you may complain to the Shanghai Communications Administration or bring the case before the competent people’s court where ${name} is registered.`,
            ],
          },
          {
            heading: '7. Contact',
            paragraphs: [`${name} · Business hotline ${operator.hotline} · ICP filing ${operator.icpLicence}`],
          },
        ],
      }
}
