import type { Lang } from './lang'

/** Text every page shares (header, footer, calls to action). Page-specific text lives with the page. */
export const siteText = {
  zh: {
    siteName: '楼宇商企通',
    tagline: '写字楼企业的宽带、固话、手机融合套餐',
    nav: { bundles: '全部套餐', check: '楼宇查询' },
    switchLanguage: 'English',
    skipToContent: '跳到正文',
    footer: '在线选择、配置、下单 · 楼宇经理上门服务 · 一个企业一张账单',
    hotline: '企业客户热线',
    legalNav: '协议与政策',
    agreement: '服务协议',
    privacy: '隐私政策',
    perMonth: '/月',
    from: '起',
  },
  en: {
    siteName: 'Office Bundles',
    tagline: 'Broadband, phone lines and mobiles for companies in office buildings',
    nav: { bundles: 'All bundles', check: 'Check your building' },
    switchLanguage: '中文',
    skipToContent: 'Skip to content',
    footer: 'Choose, configure and order online · your building manager comes on site · one company, one bill',
    hotline: 'Business hotline',
    legalNav: 'Agreement and policies',
    agreement: 'Service agreement',
    privacy: 'Privacy policy',
    perMonth: ' a month',
    from: 'from ',
  },
} satisfies Record<Lang, unknown>
