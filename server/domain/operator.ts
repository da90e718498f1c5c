/**
 * Who runs the storefront, as every page's footer and the agreement and privacy pages name it. Read
 * from the settings (server/config.ts); the defaults are a demo operator's, not a real licence.
 */
export interface Operator {
  name: { zh: string; en: string }
  /** The business customers' hotline. */
  hotline: string
  /** The ICP filing (ICP备案) number every website in mainland China shows in its footer. */
  icpLicence: string
  /** Where personal-information requests go (privacy policy). */
  privacyEmail: string
}

export const defaultOperator: Operator = {
  name: { zh: '示例电信（上海）有限公司', en: 'Example Telecom (Shanghai) Co., Ltd.' },
  hotline: '400-000-0000',
  icpLicence: '沪ICP备00000000号-1',
  privacyEmail: 'privacy@example-telecom.cn',
}
