import type { Lang } from './lang'

/** The offer-code form and its answers (offer page, configurator page). */
export function offerCodeText(lang: Lang) {
  return lang === 'zh'
    ? {
        title: '使用优惠码',
        description: '输入楼宇经理给您的优惠码，查看为贵司准备的专属套餐并在线下单。',
        intro: '楼宇经理为部分老客户准备了专属回馈套餐。请输入信函或短信中的优惠码，查看为贵司准备的套餐。',
        label: '优惠码',
        hint: '例如 WB-XXXX-0000，不区分大小写',
        submit: '查看专属套餐',
        haveCode: '有楼宇经理给的优惠码？',
        refused: {
          unknown: '没有找到这个优惠码。请核对信函或短信中的优惠码后重新输入。',
          used: '这个优惠码已经用过了：每个优惠码只能下单一次。如需帮助，请联系您的楼宇经理。',
          expired: '这个优惠码已过期。请联系您的楼宇经理重新发放。',
          revoked: '这个优惠码已被楼宇经理撤回，不能再使用。如有疑问，请联系您的楼宇经理。',
          rate_limited: (minutes: number) => `尝试次数过多，请 ${minutes} 分钟后再试。`,
        },
        preparedFor: (company: string, building: string) => `为${company}（${building}）准备`,
        validUntil: (date: string) => `有效期至 ${date}。下单时请使用该公司的统一社会信用代码和该楼宇地址。`,
        configure: '配置并下单',
        offerHeading: '您的专属套餐',
      }
    : {
        title: 'Use an offer code',
        description: 'Enter the offer code from your building manager to see the bundle prepared for your company and order it online.',
        intro: 'Building managers prepare special bundles for some returning customers. Enter the code from your letter or message to see the one prepared for your company.',
        label: 'Offer code',
        hint: 'For example WB-XXXX-0000; upper or lower case',
        submit: 'See my offer',
        haveCode: 'Have an offer code from your building manager?',
        refused: {
          unknown: 'We could not find this offer code. Please check it against your letter or message and try again.',
          used: 'This offer code has already been used: each code orders once. Your building manager can help.',
          expired: 'This offer code has expired. Please ask your building manager for a new one.',
          revoked: 'This offer code has been withdrawn by your building manager and can no longer be used. Your building manager can tell you more.',
          rate_limited: (minutes: number) => `Too many attempts. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
        },
        preparedFor: (company: string, building: string) => `Prepared for ${company} (${building})`,
        validUntil: (date: string) => `Valid until ${date}. Order it with that company’s unified social credit code, at that building.`,
        configure: 'Configure and order',
        offerHeading: 'Your offer',
      }
}

export type OfferCodeText = ReturnType<typeof offerCodeText>
