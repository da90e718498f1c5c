import { text, type Text } from './labels'
import type { CustomerStatus } from './primitives'

/** Who a rule applies to, in words: "new customers" / "新客户". */
export const customerStatusNames: Record<CustomerStatus, Text> = {
  new: text('新客户', 'new customers'),
  existing: text('老客户', 'existing customers'),
}
