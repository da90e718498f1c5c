import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'
import { defaultOperator } from './domain/operator'

describe('the operator settings (footer, agreement, privacy)', () => {
  it('default to the demo operator', () => {
    expect(loadConfig({}).operator).toEqual(defaultOperator)
  })

  it('are read from the environment', () => {
    const config = loadConfig({
      OPERATOR_NAME: '浦江通信有限公司',
      OPERATOR_NAME_EN: 'Pujiang Communications Ltd.',
      OPERATOR_HOTLINE: '400-123-4567',
      ICP_LICENCE: '沪ICP备12345678号-2',
      OPERATOR_PRIVACY_EMAIL: 'dpo@pujiang.example',
    })
    expect(config.operator).toEqual({
      name: { zh: '浦江通信有限公司', en: 'Pujiang Communications Ltd.' },
      hotline: '400-123-4567',
      icpLicence: '沪ICP备12345678号-2',
      privacyEmail: 'dpo@pujiang.example',
    })
  })

  it('refuse a hotline that is not a telephone number', () => {
    expect(() => loadConfig({ OPERATOR_HOTLINE: 'call us' })).toThrow(ConfigError)
    expect(() => loadConfig({ OPERATOR_HOTLINE: 'call us' })).toThrow(/OPERATOR_HOTLINE/)
  })
})
