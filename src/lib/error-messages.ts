import type { ErrorCode } from '../../server/errors'
import type { Lang } from './lang'

/** The API's stable error codes as sentences a customer understands. */
const messages: Record<ErrorCode, Record<Lang, string>> = {
  invalid_request: { zh: '填写的内容有误，请检查标红的项目。', en: 'Something in the form is not right; please check the highlighted fields.' },
  not_found: { zh: '没有找到这个页面或资源。', en: 'We could not find that.' },
  offering_not_found: { zh: '没有这个套餐，可能已下架。', en: 'This bundle does not exist or is no longer offered.' },
  building_not_found: { zh: '没有找到这栋楼宇，请重新查询。', en: 'We could not find that building; please search again.' },
  order_not_found: { zh: '没有找到这个订单，请检查链接。', en: 'We could not find this order; please check the link.' },
  idempotency_conflict: { zh: '这次提交与之前的不一致，请刷新页面后重新提交。', en: 'This submission differs from an earlier one; please reload the page and submit again.' },
  quote_already_ordered: { zh: '这份报价已经下过单了，请查看订单或重新报价。', en: 'This quote has already been ordered; see your order or make a new quote.' },
  quote_expired: { zh: '报价已过期（有效期 7 天），请重新报价。', en: 'This quote has expired (quotes are valid for 7 days); please make a new one.' },
  install_slot_unavailable: { zh: '这个安装时段已约满或不可预约，请换一个时段。', en: 'That installation slot is fully booked or not offered; please choose another.' },
  payment_unavailable: { zh: '暂不支持在线支付，请选择对公转账。', en: 'Online payment is not available right now; please choose bank transfer.' },
  quote_not_found: { zh: '报价不存在或已过期。', en: 'This quote does not exist or has expired.' },
  cross_site_request: { zh: '请从本网站的页面提交。', en: 'Please send this from a page of this site.' },
  rate_limited: { zh: '操作太频繁了，请稍等几分钟再试。', en: 'Too many attempts in a short time; please wait a few minutes and try again.' },
  payload_too_large: { zh: '提交的内容太长了。', en: 'What you sent is too long.' },
  offer_code_invalid: { zh: '优惠码无效：可能输错了、已使用、已过期或已被撤回。', en: 'This offer code is not valid: it may be mistyped, used, expired or withdrawn.' },
  not_eligible: { zh: '这个套餐仅面向已有固话的老客户。', en: 'This bundle is for existing fixed-line customers only.' },
  invalid_term: { zh: '这个套餐没有您选择的合约期。', en: 'This bundle is not offered for that contract term.' },
  invalid_configuration: { zh: '这个组合不可选，请按提示调整。', en: 'That combination is not possible; please adjust it as shown.' },
  service_unavailable: {
    zh: '您所在的楼宇暂时无法提供所选的服务（如该宽带速率），请改选楼宇可提供的选项。',
    en: 'Your building cannot provide a service you chose (such as that broadband speed); please choose one it can provide.',
  },
  prior_spend_required: { zh: '请填写近 3 个月每月的通信费，我们据此计算您的方案。', en: 'Please enter your telecom spend of each of the last 3 months; your plan is based on it.' },
  below_minimum: { zh: '月均通信费低于本计划的起步金额，可以看看其他套餐。', en: 'Your average monthly spend is below this plan’s minimum; other bundles may suit you better.' },
  refer_to_manager: { zh: '您的通信费规模较大，楼宇经理将为您单独定制方案，请留下联系方式。', en: 'For a spend this large your building manager prepares a tailored plan; leave your details and they will call.' },
  negotiated_x_out_of_band: {
    zh: '协商的 X 超出了允许范围：只能在客户申报月均通信费的浮动范围内确定，请调整后再试。',
    en: 'The agreed X is outside the allowed band around the customer’s declared average monthly spend; please adjust it.',
  },
  unauthenticated: { zh: '请先登录。', en: 'Please sign in first.' },
  invalid_credentials: { zh: '邮箱或密码不正确。', en: 'The e-mail address or password is not right.' },
  forbidden: { zh: '您的账号没有这项操作的权限。', en: 'Your account is not allowed to do this.' },
  staff_user_not_found: { zh: '没有找到这个员工账号。', en: 'We could not find that staff account.' },
  lead_not_found: { zh: '没有找到这条线索，或它不在您负责的楼宇。', en: 'We could not find that lead, or it is not in one of your buildings.' },
  offer_code_not_found: { zh: '没有找到这个优惠码，或它不属于您负责的楼宇。', en: 'We could not find that offer code, or it is not for one of your buildings.' },
  offer_code_not_revocable: { zh: '这个优惠码已使用、已过期或已撤回，不能再撤回。', en: 'This offer code has been used, has expired or was already revoked, so it cannot be revoked.' },
  campaign_not_found: { zh: '没有找到这个推广活动，或它不面向您负责的楼宇。', en: 'We could not find that campaign, or it does not target one of your buildings.' },
  email_visit_already_scheduled: {
    zh: '这次邮件拜访已经安排过了（见下方列表），没有再发一次。',
    en: 'This e-mail visit was already scheduled (see the list below); it was not sent again.',
  },
  email_visit_not_cancellable: {
    zh: '这次邮件拜访的邮件已全部发出或已取消，没有可取消的邮件。',
    en: 'Every mail of this e-mail visit has already gone or been cancelled; there is nothing left to cancel.',
  },
  catalog_draft_not_found: { zh: '没有找到这份价目草稿。', en: 'We could not find that price-book draft.' },
  catalog_version_not_found: { zh: '没有找到这个价目版本。', en: 'We could not find that catalog version.' },
  catalog_draft_changed: {
    zh: '您编辑期间这份草稿又被保存过（可能是他人，或您在另一个窗口）。您填写的内容仍在下方，请查看最新内容后再保存。',
    en: 'This draft was saved again while you were editing (by someone else, or by you in another window). What you typed is kept below; look at the latest version, then save again.',
  },
  catalog_draft_not_editable: {
    zh: '这份草稿已提交审批或已有结论，不能再修改。如需修改，请由审批人退回，或新建草稿。',
    en: 'This draft has been submitted or decided and can no longer change. Ask the approver to send it back, or start a new draft.',
  },
  own_draft_approval: { zh: '不能审批自己起草或修改过的价目变更，需由另一位审批人决定。', en: 'You cannot decide on a price change you drafted or edited: another approver must.' },
  campaign_taken: { zh: '已有推广活动使用这个 utm_campaign 值，请换一个。', en: 'Another campaign already uses this utm_campaign value; please choose another.' },
  tenant_not_found: { zh: '没有找到这家租户企业，或它不在您负责的楼宇。', en: 'We could not find that tenant, or it is not in one of your buildings.' },
  tenant_import_not_found: { zh: '没有找到这次导入。', en: 'We could not find that import.' },
  tenant_conflict: {
    zh: '楼内已有同名或同一信用代码的租户企业，或这条记录刚被别人修改过，请刷新后再试。',
    en: 'Another tenant of the building has this name or credit code, or someone changed this tenant meanwhile; please reload and try again.',
  },
  email_taken: { zh: '这个邮箱已经有账号了。', en: 'There is already an account with this e-mail address.' },
  manager_not_found: { zh: '没有这位楼宇经理，请重新选择。', en: 'There is no such building manager; please choose again.' },
  own_admin_access: { zh: '不能停用自己的账号，也不能去掉自己的管理员角色。', en: 'You cannot disable your own account or remove your own admin role.' },
  verification_not_found: { zh: '验证码已失效，请重新获取验证码。', en: 'This verification is no longer valid; please send a new code.' },
  verification_code_wrong: { zh: '验证码不正确，请核对邮件中的 6 位数字。', en: 'That code is not right; please check the 6 digits in the mail.' },
  verification_expired: {
    zh: '验证码已过期或尝试次数已用完，请重新获取验证码。',
    en: 'This code has expired or has been tried too many times; please send a new code.',
  },
  email_not_verified: { zh: '请先验证联系邮箱：获取验证码并填写后再提交订单。', en: 'Please verify the contact e-mail first: send yourself a code and enter it, then place the order.' },
  internal_error: { zh: '系统暂时出了点问题，请稍后再试。', en: 'Something went wrong on our side; please try again shortly.' },
  database_unavailable: { zh: '服务暂时繁忙，请几秒钟后再试。', en: 'The service is briefly unavailable; please try again in a few seconds.' },
}

/** One code's sentence, for a page rendered on the server. */
export const errorText = (code: ErrorCode, lang: Lang): string => messages[code][lang]

/** All codes' sentences in one language, for an island that must not carry both. */
export function errorCodesText(lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([code, text]) => [code, text[lang]]))
}
