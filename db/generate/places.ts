import type { Insertable } from 'kysely'
import { districtNames, districts, type District } from '../../server/domain/districts'
import type { Database } from '../schema'
import type { Random } from './random'

/** Generated rows carry this prefix: how a second run recognises a generated database. */
export const GENERATED_PREFIX = 'gen-'

export const generatedManagerId = (index: number) => `${GENERATED_PREFIX}mgr-${String(index + 1).padStart(3, '0')}`

// Office space is not spread evenly: Pudong (Lujiazui, Zhangjiang) and Jing'an hold the most towers.
const districtWeights: Record<District, number> = { pudong: 30, huangpu: 12, jingan: 14, xuhui: 11, changning: 9, putuo: 5, hongkou: 5, yangpu: 6, minhang: 8 }

const SURNAMES = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'], ['黄', 'Huang'], ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'], ['胡', 'Hu'], ['朱', 'Zhu'], ['高', 'Gao']] as const
const GIVEN = [['伟', 'Wei'], ['芳', 'Fang'], ['敏', 'Min'], ['静', 'Jing'], ['磊', 'Lei'], ['洋', 'Yang'], ['艳', 'Yan'], ['勇', 'Yong'], ['军', 'Jun'], ['杰', 'Jie'], ['娟', 'Juan'], ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['霞', 'Xia']] as const
const TOWER_WORDS = [['环球', 'Global'], ['金融', 'Finance'], ['国际', 'International'], ['世纪', 'Century'], ['时代', 'Times'], ['中心', 'Central'], ['东方', 'Oriental'], ['创新', 'Innovation'], ['科技', 'Tech'], ['置地', 'Land'], ['汇金', 'Huijin'], ['新华', 'Xinhua']] as const
const BUILDING_KINDS = [['大厦', 'Tower'], ['广场', 'Plaza'], ['中心', 'Centre'], ['商务楼', 'Office Building']] as const
const ROADS = [['南京西路', 'West Nanjing Road'], ['淮海中路', 'Middle Huaihai Road'], ['世纪大道', 'Century Avenue'], ['延安西路', 'West Yan’an Road'], ['张杨路', 'Zhangyang Road'], ['四川北路', 'North Sichuan Road'], ['漕溪北路', 'North Caoxi Road'], ['长寿路', 'Changshou Road'], ['虹桥路', 'Hongqiao Road'], ['黄兴路', 'Huangxing Road']] as const

export interface GeneratedPlaces {
  managers: Insertable<Database['building_managers']>[]
  buildings: Insertable<Database['buildings']>[]
}

export function personName(random: Random): { zh: string; en: string } {
  const [surname, surnameEn] = random.pick(SURNAMES)
  const [given, givenEn] = random.pick(GIVEN)
  return { zh: `${surname}${given}`, en: `${givenEn} ${surnameEn}` }
}

/** A mainland mobile number (13x–19x). */
export const mobileNumber = (random: Random) => `1${random.pick(['3', '5', '7', '8', '9'])}${random.text('0123456789', 9)}`

/** Managers spread over the districts by office space; most buildings have one, a few go to the district queue. */
export function generatePlaces(random: Random, counts: { managers: number; buildings: number }): GeneratedPlaces {
  const weights = districts.map((district) => districtWeights[district])
  const managers = Array.from({ length: counts.managers }, (_, index) => {
    const name = personName(random)
    return {
      id: generatedManagerId(index),
      name: name.zh,
      name_en: name.en,
      phone: mobileNumber(random),
      email: `manager${index + 1}@city.example.cn`,
      // Every district gets managers before any gets a second; that first one leads the district.
      district: index < districts.length ? districts[index] : random.weighted(districts, weights),
      district_lead: index < districts.length ? (1 as const) : (0 as const),
    }
  })
  const managersOf = (district: string) => managers.filter((manager) => manager.district === district)
  const buildings = Array.from({ length: counts.buildings }, (_, index) => {
    const district = random.weighted(districts, weights)
    const [word, wordEn] = random.pick(TOWER_WORDS)
    const [kind, kindEn] = random.pick(BUILDING_KINDS)
    const [road, roadEn] = random.pick(ROADS)
    const number = random.int(1, 2000)
    const grade = random.weighted(['premium', 'standard', 'mixed'], [3, 5, 2])
    const candidates = managersOf(district)
    return {
      id: `${GENERATED_PREFIX}bld-${String(index + 1).padStart(4, '0')}`,
      name_zh: `${districtNames[district].zh.slice(0, 2)}${word}${kind}${index + 1}号`,
      name_en: `${districtNames[district].en} ${wordEn} ${kindEn} No. ${index + 1}`,
      address_zh: `上海市${districtNames[district].zh}${road}${number}号`,
      address_en: `${number} ${roadEn}, ${districtNames[district].en}, Shanghai`,
      district,
      grade,
      free_fibre_ports: random.int(0, 120),
      free_voice_ports: random.int(0, 200),
      max_broadband_mbps: random.weighted([100, 300, 1000], [2, 4, 4]),
      tenants: random.int(20, 400),
      same_day_install: random.chance(0.3) ? 1 : 0,
      manager_id: candidates.length > 0 && random.chance(0.95) ? random.pick(candidates).id : null,
    }
  })
  return { managers, buildings }
}
