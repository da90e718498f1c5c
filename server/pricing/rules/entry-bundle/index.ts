import type { RuleKind } from '../rule-kind'
import { withPackage } from '../rule-kind'
import type { EntryBundleArgs } from './args'
import { entryBundleCodes, type EntryBundleCode } from './codes'
import { describeEntryBundle } from './describe'
import { priceEntryBundle } from './price'

export const entryBundle: RuleKind<EntryBundleArgs, EntryBundleCode> = {
  kind: 'entry_bundle',
  codes: entryBundleCodes,
  options: () => [],
  includedComponents: (args) => args.includedItems.map((item) => item.code),
  price: priceEntryBundle,
  delivers: (args, requested) => withPackage(requested, args.includedItems),
  describe: describeEntryBundle,
}
