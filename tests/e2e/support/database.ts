import Database from 'better-sqlite3'

/**
 * The run's SQLite database (made fresh by playwright.config.ts), opened read-only to check what the
 * server stored. The server keeps writing to it in WAL mode; every query sees the last commit.
 */
export function readDatabase<T>(read: (db: Database.Database) => T): T {
  const path = process.env.E2E_DATABASE_PATH
  if (!path) throw new Error('E2E_DATABASE_PATH is not set: run the browser tests with `npx playwright test` (playwright.config.ts sets it).')
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export interface StoredQuote {
  id: string
  offering_slug: string
  building_id: string | null
  attribution_json: string | null
  estimated_monthly_fen: number
}

export const storedQuote = (id: string) =>
  readDatabase((db) => db.prepare('select id, offering_slug, building_id, attribution_json, estimated_monthly_fen from quotes where id = ?').get(id) as StoredQuote | undefined)

export interface StoredLead {
  id: string
  source: string
  company: string
  mobile: string
  building_id: string | null
  manager_id: string | null
  offering_slug: string | null
  attribution_json: string | null
}

export const storedLead = (id: string) =>
  readDatabase((db) => db.prepare('select id, source, company, mobile, building_id, manager_id, offering_slug, attribution_json from leads where id = ?').get(id) as StoredLead | undefined)

export interface LandingViews {
  day: string
  path: string
  utm_source: string
  utm_medium: string
  utm_campaign: string
  views: number
}

export const landingViews = (path: string) =>
  readDatabase((db) => db.prepare('select day, path, utm_source, utm_medium, utm_campaign, views from landing_views where path = ?').all(path) as LandingViews[])
