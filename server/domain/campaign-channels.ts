import type { LocalizedText } from '../pricing/catalog-schema'

/** How a campaign reaches companies: the closed list a campaign's channel is one of. */
export const campaignChannels = ['search_ads', 'email_visit', 'direct_mail', 'outbound_calls', 'lobby_roadshow', 'property_club'] as const

export type CampaignChannel = (typeof campaignChannels)[number]

export const campaignChannelNames: Record<CampaignChannel, LocalizedText> = {
  search_ads: { zh: '搜索广告', en: 'Search ads' },
  email_visit: { zh: '邮件拜访', en: 'E-mail visits' },
  direct_mail: { zh: '直邮', en: 'Direct mail' },
  outbound_calls: { zh: '电话外呼', en: 'Outbound calls' },
  lobby_roadshow: { zh: '大堂路演', en: 'Lobby roadshow' },
  property_club: { zh: '物业俱乐部', en: 'Property club' },
}
