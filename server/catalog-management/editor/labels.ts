import { customerStatusNames } from '../../pricing/customer-status-names'
import { text, type Text } from '../../pricing/labels'
import type { Unit } from './form-tree'

/**
 * What the editor's generated fields are called, in both languages: by the schema's key (a few keys
 * mean something else under another parent, e.g. a component's `needs`), with a hint where the number
 * alone would mislead. A key not listed here is shown humanised (`reviewMonths` → "Review months").
 */

interface FieldWords {
  label: Text
  hint?: Text
}

const words = (zh: string, en: string, hint?: Text): FieldWords => ({ label: text(zh, en), ...(hint ? { hint } : {}) })

const ofX = text('占申报月均消费 X 的百分比（100% = X）', 'a percentage of the declared average monthly spend X (100 % = X)')

const fieldWords: Record<string, FieldWords> = {
  slug: words('方案标识', 'Slug', text('网址中的名称，已发布的方案不改', 'the name in the address; kept for a published offering')),
  name: words('名称', 'Name'),
  audience: words('适用客户', 'Audience'),
  sellingPoints: words('卖点', 'Selling points', text('只写定性卖点：价格和比例由规则数据生成', 'qualitative only: prices and rates are described from the rule data')),
  listed: words('公开列出', 'Listed', text('不勾选：仅凭优惠码可用', 'unticked: only for a holder of an offer code')),
  segments: words('目标客户规模', 'Target segments'),
  needs: words('客户需求', 'Customer needs'),
  'components.needs': words('资源需求', 'Needs'),
  categories: words('业务类别', 'Categories'),
  items: words('可选组件', 'Items'),
  itemGroups: words('组件组', 'Item groups'),
  codes: words('组件代码', 'Component codes'),
  code: words('组件代码', 'Component code'),
  count: words('数量', 'Count'),
  min: words('最少', 'Minimum'),
  max: words('最多', 'Maximum'),
  terms: words('合约期（月）', 'Terms (months)', text('0 = 无合约期', '0 = no contract term')),
  eligibility: words('适用资格', 'Eligibility'),
  statuses: words('客户类型', 'Customer statuses'),
  priorSpendRequiredFor: words('需申报历史消费', 'Prior spend required for'),
  earlyTermination: words('提前解约', 'Early termination'),
  perRemainingMonth: words('每剩余月固定金额', 'Per remaining month'),
  commitmentShareBp: words('每剩余月承诺额比例', 'Share of commitment per remaining month'),
  broadbandDiscount: words('补交宽带优惠', 'Pay back the broadband discount'),
  proRataWaivedOneTime: words('按比例补交减免的一次性费用', 'Waived one-time fees pro rata'),
  rule: words('定价规则', 'Pricing rule'),
  kind: words('规则类型', 'Rule kind'),
  payments: words('付款方式', 'Payments'),
  id: words('标识', 'ID'),
  prepayMonths: words('预付月数', 'Prepaid months', text('0 = 按月付', '0 = pay monthly')),
  waiveInstall: words('免安装费', 'Waive the installation fee'),
  bonusCredit: words('赠送额度', 'Bonus credit', text('随付款赠送，首月可用，须低于预付金额', 'given with the payment for month 1, below the prepayment')),
  waiveInstalls: words('免安装费', 'Waive installation fees'),
  voiceBaseline: words('语音保底', 'Voice baseline'),
  broadbandBundlePrices: words('宽带捆绑价', 'Broadband bundle prices', text('每个宽带组件代码的月价', 'the monthly price of each broadband component code')),
  excessTiers: words('超出部分分档', 'Excess tiers', text('最后一档不设上限', 'the last tier has no upper bound')),
  upTo: words('上限', 'Up to'),
  rateBp: words('费率', 'Rate'),
  usage: words('计入的用量', 'Usage counted'),
  waiveBroadbandInstallFor: words('免宽带安装费', 'Broadband installation waived for'),
  floorBaselineAtPriorSpendFor: words('保底不低于历史消费', 'Baseline at least prior spend for'),
  baseMonthly: words('基本月费', 'Base monthly'),
  lineComponent: words('手机线路组件', 'Line component'),
  includedLocalVoice: words('含本地通话', 'Included local voice'),
  includedMobileUsagePerLine: words('每线含手机用量', 'Included mobile usage per line'),
  longDistanceRateBp: words('长途费率', 'Long-distance rate'),
  giftKind: words('赠送类型', 'Gift kind'),
  giftTiers: words('赠送分档', 'Gift tiers'),
  minLocalVoice: words('本地通话门槛', 'Local voice threshold'),
  giftLapsesAfterMonths: words('赠送有效月数', 'Gift usable for (months)', text('赠送须当月失效（1）', 'a gift must lapse monthly (1)')),
  tiers: words('档位', 'Tiers'),
  baseline: words('保底消费', 'Baseline'),
  includedItems: words('包含组件', 'Included items'),
  excessRateBp: words('超出费率', 'Excess rate', text('无 = 按保底与实际消费取高', 'none = the higher of baseline and actual')),
  entryMonthly: words('入门月费', 'Entry monthly'),
  usageRateBp: words('用量费率', 'Usage rate'),
  plans: words('档位方案', 'Plans'),
  commitmentBp: words('承诺额比例', 'Commitment', ofX),
  allowanceBp: words('可用额度比例', 'Allowance', ofX),
  introductory: words('首期优惠承诺', 'Introductory commitment'),
  months: words('月数', 'Months'),
  minimumX: words('X 下限', 'Minimum X'),
  maximumX: words('X 上限', 'Maximum X', text('高于此值转客户经理', 'above it the customer is referred to a manager')),
  reviewMonths: words('复核周期（月）', 'Review every (months)'),
  care: words('关怀预算', 'Care budget'),
  shareBp: words('未用承诺额比例', 'Share of unused commitment'),
  minimum: words('最低金额', 'Minimum'),
  negotiation: words('协商区间', 'Negotiation band', text('客服可在此区间内调整 X', 'how far staff may set X by hand')),
  minBp: words('下限', 'Lowest', ofX),
  maxBp: words('上限', 'Highest', ofX),
  components: words('组件', 'Components'),
  category: words('类别', 'Category'),
  monthly: words('月费', 'Monthly'),
  install: words('安装费', 'Installation'),
  speedMbps: words('速率（Mbps）', 'Speed (Mbps)'),
  termPrices: words('合约价', 'Term prices'),
  termMonths: words('合约期（月）', 'Term (months)'),
  voicePorts: words('语音端口', 'Voice ports'),
  fibrePorts: words('光纤端口', 'Fibre ports'),
  minSpeedMbps: words('最低速率（Mbps）', 'Minimum speed (Mbps)'),
  requiresCategory: words('需搭配类别', 'Requires category'),
  maxPerOrderWithoutReview: words('每单免审数量上限', 'Most per order without review'),
}

/** "reviewMonths" → "Review months", "commitmentBp" → "Commitment" (the unit is shown beside the input). */
export function humanise(key: string): string {
  const words = key
    .replace(/Bp$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The words of a field by its dotted path (indices and markers skipped), or the key humanised. */
export function fieldWordsOf(path: string): FieldWords {
  const keys = path.split('.').filter((segment) => !/^\d+$/.test(segment) && !segment.startsWith('$'))
  const key = keys.at(-1) ?? ''
  const parent = keys.at(-2)
  return (parent && fieldWords[`${parent}.${key}`]) || fieldWords[key] || { label: text(humanise(key), humanise(key)) }
}

const valueNames: Record<string, Text> = {
  ...customerStatusNames,
  lt50: text('50 人以下', 'Under 50 staff'),
  '50to200': text('50–200 人', '50–200 staff'),
  gt200: text('200 人以上', 'Over 200 staff'),
  broadband: text('宽带', 'Broadband'),
  voice_broadband: text('固话加宽带', 'Voice and broadband'),
  mobile: text('手机', 'Mobile'),
  commitment: text('承诺消费', 'Commitment'),
  fixed_voice: text('固话', 'Fixed voice'),
  vas: text('增值业务', 'Value-added services'),
  local_voice: text('本地通话', 'Local calls'),
  long_distance: text('长途', 'Long distance'),
  broadband_payment: text('宽带付款方式', 'Broadband payment'),
  fixed_monthly_package: text('固定月费套餐', 'Fixed monthly package'),
  group_mobile: text('集团手机', 'Group mobile'),
  local_spend_gift: text('本地消费赠送', 'Local spend gift'),
  base_plus_tiers: text('保底加分档', 'Base plus tiers'),
  entry_bundle: text('入门套餐', 'Entry bundle'),
  commitment_plan: text('承诺消费方案', 'Commitment plan'),
}

/** A choice of an enum (segments, categories, statuses, rule kinds) in words, or as it is stored. */
export const valueName = (value: string): Text => valueNames[value] ?? text(value, value)

/** The unit shown beside an amount's input. */
export const unitSign: Record<Unit, Text> = { fen: text('元', 'yuan'), bp: text('%', '%') }
