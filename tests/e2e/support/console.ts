import { fileURLToPath } from 'node:url'
import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { DEMO_STAFF_PASSWORD } from '../../../db/seed/demo-staff'
import { seriousAxeViolations } from './axe'
import { reviewScreenshot } from './review-screenshot'

const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url))
const PHONE = { width: 390, height: 844 }
const LAPTOP = { width: 1280, height: 800 }

/**
 * Looks at a console page on a phone and a laptop: screenshots to review (not in CI, where nobody looks
 * at them), and no serious axe violation at either size.
 */
export async function checkConsolePage(page: Page, name: string) {
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport)
    await reviewScreenshot(page, { path: `${SCREENSHOTS}console-${name}-${viewport.width}.png`, fullPage: true, animations: 'disabled' })
    expect(await seriousAxeViolations(page), `${name} at ${viewport.width}px`).toEqual([])
  }
  await page.setViewportSize(LAPTOP)
}

/** Signs in on the console's sign-in page (the browser is on it, or is sent there) with a demo user's password by default. */
export async function signInToConsole(page: Page, email: string, password: string = DEMO_STAFF_PASSWORD) {
  await page.locator('#email').fill(email)
  await page.locator('#password').fill(password)
  await page.locator('form[action="/api/console/session"] button[type=submit]').click()
}

/** One of the order page's action forms (`/api/console/orders/:number/<action>`). */
export const actionForm = (page: Page, action: string): Locator => page.locator(`form[action$="/${action}"]`)

/** Submits one of the order page's action forms, ticking its confirmation first. */
export async function act(page: Page, action: string, fill: (form: Locator) => Promise<unknown> = async () => {}) {
  const form = actionForm(page, action)
  await fill(form)
  await form.getByRole('checkbox').check()
  await form.getByRole('button').click()
}

/** A fresh browser (no cookies shared with the others) signed in to the console at `path`. */
export async function consoleUser(browser: Browser, email: string, path: string, password = DEMO_STAFF_PASSWORD): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(path)
  await signInToConsole(page, email, password)
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\$&')}$`))
  return page
}
