/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** First-touch ad attribution of this visitor, if any (see src/middleware.ts). */
    attribution: import('../server/schemas/attribution').Attribution | undefined
    /**
     * What links that keep the visitor's query carry on, when it is not this request's own: a landing
     * page kept in memory is rendered with a marker there (server/landing/landing-page-cache.ts).
     */
    carriedQuery?: string
  }
}
