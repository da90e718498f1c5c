import type { Selectable } from 'kysely'
import type { BuildingTables } from './tables/buildings'
import type { CatalogTables } from './tables/catalog'
import type { LeadTables } from './tables/leads'
import type { MarketingTables } from './tables/marketing'
import type { OrderTables } from './tables/orders'
import type { PlatformTables } from './tables/platform'
import type { QuoteTables } from './tables/quotes'
import type { StaffTables } from './tables/staff'
import type { TenantTables } from './tables/tenants'

/**
 * Row types of the tables the migrations create, one file per feature in db/tables. Booleans are
 * integers 0/1 on both databases.
 */
export interface Database
  extends CatalogTables,
    BuildingTables,
    QuoteTables,
    LeadTables,
    OrderTables,
    TenantTables,
    MarketingTables,
    StaffTables,
    PlatformTables {}

export type BuildingRow = Selectable<Database['buildings']>
export type ManagerRow = Selectable<Database['building_managers']>
