import type { Counter } from './columns'

/** Landing views, e-mail visits and campaigns. */
export interface MarketingTables {
  /** Views per Shanghai day (UTC day before migration 0017), page and campaign; '' is "none", '(other)' an unlisted value. */
  landing_views: { day: string; path: string; utm_source: string; utm_medium: string; utm_campaign: string; utm_term: string; views: number }
  /** One e-mail visit: a manager's templated offer mailed to chosen tenants at a time (migration 0016). */
  email_visits: {
    id: string
    created_by: string
    manager_id: string | null
    lang: string
    template: string
    /** JSON array of offering slugs. */
    offerings_json: string
    utm_campaign: string
    send_at: string
    created_at: string
  }
  /** A tenant an e-mail visit was addressed to; `token` is carried by its links (clicks, unsubscribe). */
  email_visit_recipients: {
    id: string
    visit_id: string
    tenant_id: string
    building_id: string
    email: string | null
    company: string
    token: string
    /** queued | sent | skipped_unsubscribed | skipped_no_email */
    status: string
    clicks: Counter
    first_clicked_at: string | null
    sent_at: string | null
  }
  /** Addresses (lower case) that unsubscribed from e-mail visits: never mailed a visit again. */
  email_suppressions: { email: string; unsubscribed_at: string; token: string | null }
  campaign_values: { parameter: string; value: string }
  /** A campaign (战役, migration 0017): its channel (server/domain/campaign-channels.ts), link value and Shanghai days. */
  campaigns: {
    id: string
    name: string
    channel: string
    utm_campaign: string
    /** YYYY-MM-DD, Shanghai: the first and last day counted. */
    starts_on: string
    ends_on: string
    created_by: string | null
    created_at: string
    updated_at: string
  }
  campaign_offerings: { campaign_id: string; offering_slug: string }
  campaign_buildings: { campaign_id: string; building_id: string }
}
