import type { Locator, LocatorScreenshotOptions, Page, PageScreenshotOptions } from '@playwright/test'

/**
 * A screenshot for a person to review (test-results/screenshots). Not taken in CI, which keeps no
 * artefacts for anyone to look at: each full-page capture costs a journey up to a second.
 */
export async function reviewScreenshot(target: Page, options: PageScreenshotOptions): Promise<void>
export async function reviewScreenshot(target: Locator, options: LocatorScreenshotOptions): Promise<void>
export async function reviewScreenshot(target: Page | Locator, options: PageScreenshotOptions & LocatorScreenshotOptions): Promise<void> {
  if (process.env.CI) return
  await target.screenshot(options)
}
