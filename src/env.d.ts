/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** First-touch ad attribution of this visitor, if any (see src/middleware.ts). */
    attribution: import('../server/schemas/attribution').Attribution | undefined
  }
}
