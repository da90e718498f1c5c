import type { RuleKind } from '../rule-kind'
import type { GroupMobileArgs } from './args'
import { groupMobileCodes, type GroupMobileCode } from './codes'
import { describeGroupMobile } from './describe'
import { priceGroupMobile } from './price'

/** The existing office line is already installed: only the mobiles are delivered. */
export const groupMobile: RuleKind<GroupMobileArgs, GroupMobileCode> = {
  kind: 'group_mobile',
  codes: groupMobileCodes,
  options: () => [],
  includedComponents: (args) => [args.lineComponent],
  price: priceGroupMobile,
  delivers: (_args, requested) => requested.filter((item) => item.count > 0),
  describe: describeGroupMobile,
}
