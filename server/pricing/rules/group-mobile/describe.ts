import { discount, text, yuan } from '../../labels'
import type { DescribeScope, RuleDescription } from '../rule-kind'
import type { GroupMobileArgs } from './args'

/** The office line, the colleague mobiles and their included usage in plain words, from the args. */
export function describeGroupMobile(args: GroupMobileArgs, scope: DescribeScope): RuleDescription {
  const line = scope.catalog.components.get(args.lineComponent)!
  const longDistance = discount(args.longDistanceRateBp)
  const included = text(
    `每部手机含${yuan(args.includedMobileUsagePerLine).zh}通话；同事间通话免费；长途${longDistance.zh}。`,
    `Each mobile includes ${yuan(args.includedMobileUsagePerLine).en} of usage; calls between colleagues are free; long distance ${longDistance.en}.`,
  )
  return {
    highlights: [
      text('同事之间通话免费', 'Free calls between colleagues'),
      text(`长途${longDistance.zh}，每部手机含${yuan(args.includedMobileUsagePerLine).zh}通话`, `Long distance ${longDistance.en}; each mobile includes ${yuan(args.includedMobileUsagePerLine).en} of usage`),
      text(`每部手机仅${yuan(line.monthly).zh}/月`, `Only ${yuan(line.monthly).en} a month per mobile`),
    ],
    price: [
      text(`办公固话 ${yuan(args.baseMonthly).zh}/月，含 ${yuan(args.includedLocalVoice).zh} 本地通话。`, `Office line ${yuan(args.baseMonthly).en} a month, including ${yuan(args.includedLocalVoice).en} of local calls.`),
      text(`每部同事手机 ${yuan(line.monthly).zh}/月。${included.zh}`, `Each colleague mobile ${yuan(line.monthly).en} a month. ${included.en}`),
    ],
    terms: [
      text(
        `月承诺消费 = ${yuan(args.baseMonthly).zh} + 每部手机${yuan(line.monthly).zh}；本地通话超出${yuan(args.includedLocalVoice).zh}、手机通话超出所含部分按标准资费收取。`,
        `Monthly commitment = ${yuan(args.baseMonthly).en} + ${yuan(line.monthly).en} per mobile; local calls above ${yuan(args.includedLocalVoice).en} and mobile usage above what is included are billed at standard tariffs.`,
      ),
      included,
    ],
    faq: [],
  }
}
