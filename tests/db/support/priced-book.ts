import type { PriceBookInput } from '../../../server/pricing/catalog-schema'
import { changedCopy } from '../../support/changed-copy'

/** The price book with bb-100 at another monthly price: a different book, so a different version. */
export const pricedBook = (book: PriceBookInput, monthly: number) =>
  changedCopy(book, (copy: any) => {
    copy.components.find((component: { code: string }) => component.code === 'bb-100').monthly = monthly
  })
