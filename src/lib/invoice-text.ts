import type { InvoiceField, InvoiceKind } from '../../server/schemas/invoice-details'
import type { Lang } from './lang'

/** The VAT invoice's words, shared by the checkout form and the tracking page (plain data for islands). */
export function invoiceText(lang: Lang) {
  return lang === 'zh'
    ? {
        legend: '发票信息',
        kinds: { general: '增值税普通发票', special: '增值税专用发票' } satisfies Record<InvoiceKind, string>,
        kindHint: '专用发票可抵扣进项税，需填写税务登记的地址、电话、开户行及账号。',
        labels: {
          kind: '发票类型',
          title: '发票抬头',
          taxpayerId: '纳税人识别号',
          address: '注册地址',
          phone: '注册电话',
          bank: '开户银行',
          account: '银行账号',
        } satisfies Record<InvoiceField, string>,
        titleHint: '默认为公司名称',
        taxpayerIdHint: '默认为统一社会信用代码',
        problems: {
          kind: '请选择发票类型。',
          title: '请填写发票抬头（不超过 100 个字）。',
          taxpayerId: '纳税人识别号为 15 至 20 位字母或数字。',
          address: '开具专用发票需填写注册地址（不超过 120 个字）。',
          phone: '请填写注册电话：7 至 20 位数字，可含 - 和括号。',
          bank: '开具专用发票需填写开户银行（不超过 60 个字）。',
          account: '银行账号为 8 至 30 位数字。',
        } satisfies Record<InvoiceField, string>,
      }
    : {
        legend: 'VAT invoice (fapiao)',
        kinds: { general: 'General VAT invoice', special: 'Special VAT invoice' } satisfies Record<InvoiceKind, string>,
        kindHint: 'A special invoice lets you deduct input VAT; it needs the registered address, phone, bank and account from your tax registration.',
        labels: {
          kind: 'Invoice type',
          title: 'Invoice title (buyer)',
          taxpayerId: 'Taxpayer ID',
          address: 'Registered address',
          phone: 'Registered phone',
          bank: 'Bank',
          account: 'Bank account number',
        } satisfies Record<InvoiceField, string>,
        titleHint: 'Your company name unless you change it',
        taxpayerIdHint: 'Your unified social credit code unless you change it',
        problems: {
          kind: 'Choose the type of invoice.',
          title: 'Enter the invoice title (up to 100 characters).',
          taxpayerId: 'A taxpayer ID has 15 to 20 letters and digits.',
          address: 'A special invoice needs the registered address (up to 120 characters).',
          phone: 'Enter the registered phone: 7 to 20 digits, with - or brackets if you like.',
          bank: 'A special invoice needs the bank’s name (up to 60 characters).',
          account: 'A bank account number has 8 to 30 digits.',
        } satisfies Record<InvoiceField, string>,
      }
}

export type InvoiceText = ReturnType<typeof invoiceText>
