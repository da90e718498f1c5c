import type { LocalizedText } from '../pricing/catalog-schema'

/** Shanghai districts the operator's buildings are in, with their display names. */
export const districts = ['pudong', 'huangpu', 'jingan', 'xuhui', 'changning', 'putuo', 'hongkou', 'yangpu', 'minhang'] as const

export type District = (typeof districts)[number]

export const districtNames: Record<District, LocalizedText> = {
  pudong: { zh: '浦东新区', en: 'Pudong New Area' },
  huangpu: { zh: '黄浦区', en: 'Huangpu' },
  jingan: { zh: '静安区', en: "Jing'an" },
  xuhui: { zh: '徐汇区', en: 'Xuhui' },
  changning: { zh: '长宁区', en: 'Changning' },
  putuo: { zh: '普陀区', en: 'Putuo' },
  hongkou: { zh: '虹口区', en: 'Hongkou' },
  yangpu: { zh: '杨浦区', en: 'Yangpu' },
  minhang: { zh: '闵行区', en: 'Minhang' },
}
