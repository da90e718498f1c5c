import { describe, expect, it } from 'vitest'
import { readInvoice } from './invoice-form'

const company = { name: '上海示例科技有限公司', creditCode: '91330100716105852F' }
const form = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('the checkout invoice fields', () => {
  it('default to a general invoice to the company under its credit code', () => {
    expect(readInvoice(form({}), company)).toEqual({ invoice: { kind: 'general', title: company.name, taxpayerId: company.creditCode } })
  })

  it('need the registered details for a special invoice, and say which are missing or wrong', () => {
    expect(readInvoice(form({ 'invoice.kind': 'special', 'invoice.phone': '021', 'invoice.account': '6222 abc' }), company)).toEqual({
      invalid: ['address', 'phone', 'bank', 'account'],
    })
  })

  it('accept full-width digits and spaces in the account, and a taxpayer id of their own', () => {
    const read = readInvoice(
      form({
        'invoice.kind': 'special',
        'invoice.title': '上海示例科技有限公司北京分公司',
        'invoice.taxpayerId': '91110105ma01abcd2x',
        'invoice.address': '上海市浦东新区世纪大道 88 号',
        'invoice.phone': '021-5047 8888',
        'invoice.bank': '招商银行上海分行',
        'invoice.account': '１２１９ ０８７６ ５４３２ １０',
      }),
      company,
    )
    expect(read).toEqual({
      invoice: {
        kind: 'special',
        title: '上海示例科技有限公司北京分公司',
        taxpayerId: '91110105MA01ABCD2X',
        address: '上海市浦东新区世纪大道 88 号',
        phone: '021-5047 8888',
        bank: '招商银行上海分行',
        account: '12190876543210',
      },
    })
  })

  it('refuse a taxpayer id that is too short', () => {
    expect(readInvoice(form({ 'invoice.taxpayerId': '12345' }), company)).toEqual({ invalid: ['taxpayerId'] })
  })
})
