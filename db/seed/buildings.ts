import type { District } from '../../server/domain/districts'
import type { LocalizedText } from '../../server/pricing/catalog-schema'

// Seed data: Shanghai office buildings served by the SME telecom storefront,
// plus the account managers who cover them. All people, phone numbers and
// e-mail addresses are fictional.

export interface SeedManager {
  id: string
  name: string
  nameEn: string
  phone: string
  email: string
  district: string
}

export interface SeedBuilding {
  id: string
  name: LocalizedText
  address: LocalizedText
  district: District
  grade: 'premium' | 'standard' | 'mixed'
  freeFibrePorts: number
  freeVoicePorts: number
  maxBroadbandMbps: 100 | 300 | 1000
  managerId: string | null
  tenants: number
  sameDayInstall: boolean
}

export const managers: SeedManager[] = [
  {
    id: 'mgr-lujiazui-wang',
    name: '王静',
    nameEn: 'Wang Jing',
    phone: '13816620451',
    email: 'wang.jing@example-telecom.cn',
    district: 'pudong',
  },
  {
    id: 'mgr-jingan-li',
    name: '李明辉',
    nameEn: 'Li Minghui',
    phone: '13917735208',
    email: 'li.minghui@example-telecom.cn',
    district: 'jingan',
  },
  {
    id: 'mgr-huangpu-zhang',
    name: '张伟',
    nameEn: 'Zhang Wei',
    phone: '15021468830',
    email: 'zhang.wei@example-telecom.cn',
    district: 'huangpu',
  },
  {
    id: 'mgr-xuhui-chen',
    name: '陈晓燕',
    nameEn: 'Chen Xiaoyan',
    phone: '18621053947',
    email: 'chen.xiaoyan@example-telecom.cn',
    district: 'xuhui',
  },
  {
    id: 'mgr-changning-liu',
    name: '刘洋',
    nameEn: 'Liu Yang',
    phone: '17717392064',
    email: 'liu.yang@example-telecom.cn',
    district: 'changning',
  },
  {
    id: 'mgr-putuo-zhao',
    name: '赵磊',
    nameEn: 'Zhao Lei',
    phone: '19916248573',
    email: 'zhao.lei@example-telecom.cn',
    district: 'putuo',
  },
]

export const buildings: SeedBuilding[] = [
  // ---- Pudong ----
  {
    id: 'bld-jinmao-tower',
    name: { zh: '金茂大厦', en: 'Jin Mao Tower' },
    address: { zh: '浦东新区世纪大道88号', en: '88 Century Avenue, Pudong New Area' },
    district: 'pudong',
    grade: 'premium',
    freeFibrePorts: 12,
    freeVoicePorts: 80,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-lujiazui-wang',
    tenants: 260,
    sameDayInstall: true,
  },
  {
    // Premium but fully booked on fibre.
    id: 'bld-shanghai-tower',
    name: { zh: '上海中心大厦', en: 'Shanghai Tower' },
    address: { zh: '浦东新区银城中路501号', en: '501 Middle Yincheng Road, Pudong New Area' },
    district: 'pudong',
    grade: 'premium',
    freeFibrePorts: 0,
    freeVoicePorts: 120,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-lujiazui-wang',
    tenants: 380,
    sameDayInstall: false,
  },
  {
    id: 'bld-lujiazui-business-plaza',
    name: { zh: '陆家嘴商务广场', en: 'Lujiazui Business Plaza' },
    address: { zh: '浦东新区浦东南路855号', en: '855 South Pudong Road, Pudong New Area' },
    district: 'pudong',
    grade: 'standard',
    freeFibrePorts: 18,
    freeVoicePorts: 64,
    maxBroadbandMbps: 300,
    managerId: 'mgr-lujiazui-wang',
    tenants: 140,
    sameDayInstall: true,
  },
  {
    id: 'bld-lancun-road-mixed',
    name: { zh: '蓝村路商住楼', en: 'Lancun Road Mixed-Use Building' },
    address: { zh: '浦东新区蓝村路215号', en: '215 Lancun Road, Pudong New Area' },
    district: 'pudong',
    grade: 'mixed',
    freeFibrePorts: 5,
    freeVoicePorts: 20,
    maxBroadbandMbps: 100,
    managerId: 'mgr-lujiazui-wang',
    tenants: 32,
    sameDayInstall: false,
  },
  {
    // No account manager assigned yet.
    id: 'bld-pudong-software-park',
    name: { zh: '浦东软件园', en: 'Pudong Software Park' },
    address: { zh: '浦东新区郭守敬路498号', en: '498 Guoshoujing Road, Pudong New Area' },
    district: 'pudong',
    grade: 'standard',
    freeFibrePorts: 40,
    freeVoicePorts: 160,
    maxBroadbandMbps: 1000,
    managerId: null,
    tenants: 220,
    sameDayInstall: true,
  },

  // ---- Jing'an ----
  {
    id: 'bld-plaza-66',
    name: { zh: '恒隆广场', en: 'Plaza 66' },
    address: { zh: '静安区南京西路1266号', en: "1266 West Nanjing Road, Jing'an" },
    district: 'jingan',
    grade: 'premium',
    freeFibrePorts: 8,
    freeVoicePorts: 60,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-jingan-li',
    tenants: 180,
    sameDayInstall: false,
  },
  {
    id: 'bld-jingan-kerry-centre',
    name: { zh: '静安嘉里中心', en: "Jing'an Kerry Centre" },
    address: { zh: '静安区南京西路1515号', en: "1515 West Nanjing Road, Jing'an" },
    district: 'jingan',
    grade: 'premium',
    freeFibrePorts: 15,
    freeVoicePorts: 90,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-jingan-li',
    tenants: 200,
    sameDayInstall: true,
  },
  {
    id: 'bld-changping-road-mixed',
    name: { zh: '昌平路商住楼', en: 'Changping Road Mixed-Use Building' },
    address: { zh: '静安区昌平路710号', en: "710 Changping Road, Jing'an" },
    district: 'jingan',
    grade: 'mixed',
    freeFibrePorts: 0,
    freeVoicePorts: 12,
    maxBroadbandMbps: 100,
    managerId: 'mgr-jingan-li',
    tenants: 28,
    sameDayInstall: false,
  },

  // ---- Huangpu ----
  {
    id: 'bld-hk-new-world-tower',
    name: { zh: '香港新世界大厦', en: 'Hong Kong New World Tower' },
    address: { zh: '黄浦区淮海中路300号', en: '300 Middle Huaihai Road, Huangpu' },
    district: 'huangpu',
    grade: 'premium',
    freeFibrePorts: 10,
    freeVoicePorts: 70,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-huangpu-zhang',
    tenants: 170,
    sameDayInstall: true,
  },
  {
    id: 'bld-raffles-city',
    name: { zh: '来福士广场', en: 'Raffles City Shanghai' },
    address: { zh: '黄浦区西藏中路268号', en: '268 Middle Xizang Road, Huangpu' },
    district: 'huangpu',
    grade: 'standard',
    freeFibrePorts: 22,
    freeVoicePorts: 100,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-huangpu-zhang',
    tenants: 150,
    sameDayInstall: true,
  },
  {
    id: 'bld-east-fuxing-road-mixed',
    name: { zh: '复兴东路商住楼', en: 'East Fuxing Road Mixed-Use Building' },
    address: { zh: '黄浦区复兴东路865号', en: '865 East Fuxing Road, Huangpu' },
    district: 'huangpu',
    grade: 'mixed',
    freeFibrePorts: 0,
    freeVoicePorts: 16,
    maxBroadbandMbps: 100,
    managerId: 'mgr-huangpu-zhang',
    tenants: 24,
    sameDayInstall: false,
  },

  // ---- Xuhui ----
  {
    id: 'bld-grand-gateway',
    name: { zh: '港汇恒隆广场', en: 'Grand Gateway 66' },
    address: { zh: '徐汇区虹桥路1号', en: '1 Hongqiao Road, Xuhui' },
    district: 'xuhui',
    grade: 'premium',
    freeFibrePorts: 20,
    freeVoicePorts: 110,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-xuhui-chen',
    tenants: 230,
    sameDayInstall: true,
  },
  {
    // Only one fibre port left.
    id: 'bld-last-port-huaxin',
    name: { zh: '华鑫商务楼', en: 'Huaxin Business Building' },
    address: { zh: '徐汇区田林路142号', en: '142 Tianlin Road, Xuhui' },
    district: 'xuhui',
    grade: 'standard',
    freeFibrePorts: 1,
    freeVoicePorts: 24,
    maxBroadbandMbps: 300,
    managerId: 'mgr-xuhui-chen',
    tenants: 65,
    sameDayInstall: false,
  },
  {
    id: 'bld-caohejing-venture-center',
    name: { zh: '漕河泾创业中心', en: 'Caohejing Venture Center' },
    address: { zh: '徐汇区桂平路680号', en: '680 Guiping Road, Xuhui' },
    district: 'xuhui',
    grade: 'standard',
    freeFibrePorts: 30,
    freeVoicePorts: 140,
    maxBroadbandMbps: 300,
    managerId: 'mgr-xuhui-chen',
    tenants: 120,
    sameDayInstall: true,
  },

  // ---- Changning ----
  {
    id: 'bld-hongqiao-nanfung',
    name: { zh: '虹桥南丰城', en: 'Hongqiao Nanfung Plaza' },
    address: { zh: '长宁区遵义路100号', en: '100 Zunyi Road, Changning' },
    district: 'changning',
    grade: 'standard',
    freeFibrePorts: 26,
    freeVoicePorts: 96,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-changning-liu',
    tenants: 160,
    sameDayInstall: true,
  },
  {
    id: 'bld-tianshan-road-mixed',
    name: { zh: '天山路商住楼', en: 'Tianshan Road Mixed-Use Building' },
    address: { zh: '长宁区天山路600号', en: '600 Tianshan Road, Changning' },
    district: 'changning',
    grade: 'mixed',
    freeFibrePorts: 7,
    freeVoicePorts: 30,
    maxBroadbandMbps: 300,
    managerId: 'mgr-changning-liu',
    tenants: 40,
    sameDayInstall: false,
  },
  {
    id: 'bld-xianxia-business-building',
    name: { zh: '仙霞商务楼', en: 'Xianxia Business Building' },
    address: { zh: '长宁区仙霞路350号', en: '350 Xianxia Road, Changning' },
    district: 'changning',
    grade: 'standard',
    freeFibrePorts: 14,
    freeVoicePorts: 48,
    maxBroadbandMbps: 300,
    managerId: 'mgr-changning-liu',
    tenants: 85,
    sameDayInstall: true,
  },

  // ---- Putuo ----
  {
    // Voice switch is full; fibre still available.
    id: 'bld-changshou-road-complex',
    name: { zh: '长寿路综合楼', en: 'Changshou Road Complex' },
    address: { zh: '普陀区长寿路588号', en: '588 Changshou Road, Putuo' },
    district: 'putuo',
    grade: 'mixed',
    freeFibrePorts: 4,
    freeVoicePorts: 0,
    maxBroadbandMbps: 100,
    managerId: 'mgr-putuo-zhao',
    tenants: 36,
    sameDayInstall: false,
  },
  {
    id: 'bld-changfeng-business-park',
    name: { zh: '长风商务园', en: 'Changfeng Business Park' },
    address: { zh: '普陀区云岭东路89号', en: '89 East Yunling Road, Putuo' },
    district: 'putuo',
    grade: 'standard',
    freeFibrePorts: 35,
    freeVoicePorts: 150,
    maxBroadbandMbps: 1000,
    managerId: 'mgr-putuo-zhao',
    tenants: 190,
    sameDayInstall: false,
  },

  // ---- Minhang ----
  {
    // Minhang has no account manager yet.
    id: 'bld-hongqiao-vantone',
    name: { zh: '虹桥万通中心', en: 'Hongqiao Vantone Center' },
    address: { zh: '闵行区申长路988弄', en: 'Lane 988 Shenchang Road, Minhang' },
    district: 'minhang',
    grade: 'standard',
    freeFibrePorts: 45,
    freeVoicePorts: 180,
    maxBroadbandMbps: 1000,
    managerId: null,
    tenants: 210,
    sameDayInstall: false,
  },
]
