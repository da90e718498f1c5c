import { describe, expect, it } from 'vitest'
import { catalogAuditFactsText } from './catalog-history-text'

describe('a catalog draft’s audit facts in words', () => {
  it('names the status and what a save changed', () => {
    const saved = { revision: 2, changed: { offerings: { added: ['bb-night'], removed: [], changed: ['bb-express', 'evergreen'] }, components: { added: [], removed: [], changed: [] } } }
    expect(catalogAuditFactsText(saved, 'zh')).toEqual(['修订：2', '套餐：新增 bb-night；修改 bb-express、evergreen'])
    expect(catalogAuditFactsText({ status: 'submitted' }, 'en')).toEqual(['Status: Awaiting approval'])
    expect(catalogAuditFactsText({ changed: { offerings: { added: [], removed: [], changed: [] }, components: { added: [], removed: [], changed: [] } } }, 'en')).toEqual(['Same as the base version.'])
  })

  it('says when and where an approved release publishes, never its raw record', () => {
    const approved = { status: 'approved', catalogVersion: 'v3', release: { id: 'rel-1', publishAt: '2026-12-01T16:00:00.000Z', validUntil: null, districts: ['pudong'], buildingIds: null } }
    expect(catalogAuditFactsText(approved, 'zh')).toEqual(['状态：已批准', '生成的版本：v3', '发布：生效：2026年12月2日 00:00（北京时间）；范围：浦东新区'])
    expect(catalogAuditFactsText({ copied: { from: 'bb-express', as: 'bb-express-pilot' } }, 'en')).toEqual(['Copied: bb-express as bb-express-pilot'])
  })
})
