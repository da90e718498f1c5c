import { fileURLToPath } from 'node:url'
import { expect, type Page } from '@playwright/test'
import { seriousAxeViolations } from './axe'

const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url))
const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1280, height: 800 }

/** Looks at a console page on a phone and a laptop: screenshots to review, and no serious axe violation at either size. */
export async function checkConsolePage(page: Page, name: string) {
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: `${SCREENSHOTS}console-${name}-${viewport.width}.png`, fullPage: true, animations: 'disabled' })
    expect(await seriousAxeViolations(page), `${name} at ${viewport.width}px`).toEqual([])
  }
  await page.setViewportSize(LAPTOP)
}
