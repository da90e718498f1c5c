import type { BuildingRow, ManagerRow } from '../../db/schema'

export function buildingSummary(building: BuildingRow) {
  return {
    id: building.id,
    name: { zh: building.name_zh, en: building.name_en },
    address: building.address_zh,
    addressLocalized: { zh: building.address_zh, en: building.address_en },
    district: building.district,
    grade: building.grade,
  }
}

export function managerContact(manager: ManagerRow) {
  return { id: manager.id, name: manager.name, nameEn: manager.name_en, phone: manager.phone, email: manager.email }
}
