import { expect, type Locator, type Page } from '@playwright/test'
import { mailedCode } from './database'

/** Waits until the configurator island has hydrated: before that, typing would not reach Solid. */
export async function waitForConfigurator(page: Page): Promise<void> {
  await expect(page.locator('astro-island .configurator')).toHaveCount(1)
  // Astro removes `ssr` from an island once it has hydrated.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0)
}

/** Prior spend of the last three months and the current spend per carrier (yuan, as typed). */
export async function enterSpend(page: Page, prior: [string, string, string], current: string[]): Promise<void> {
  const priorInputs = page.locator('#cfg-prior input')
  await expect(priorInputs).toHaveCount(3)
  for (const [index, value] of prior.entries()) await priorInputs.nth(index).fill(value)
  const currentInputs = page.locator('#cfg-current input')
  const carriers = await currentInputs.count()
  expect(carriers).toBeGreaterThanOrEqual(current.length)
  for (let index = 0; index < carriers; index++) await currentInputs.nth(index).fill(current[index] ?? '')
}

/** The quote id of the proposal link (`/quotes/:id` or `/en/quotes/:id`). */
export async function proposalId(link: Locator): Promise<string> {
  const href = await link.getAttribute('href')
  const id = href?.match(/\/quotes\/([^/?#]+)$/)?.[1]
  expect(id, `proposal link href ${href}`).toBeTruthy()
  return id!
}

/**
 * Visible form controls inside `scope` that have no accessible name from a <label>, aria-label or
 * aria-labelledby (hidden inputs and invisible controls are skipped). Returns descriptions to report.
 */
export async function unlabelledControls(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) =>
    roots.flatMap((root) =>
      Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'))
        .filter((control) => control.type !== 'hidden' && control.getClientRects().length > 0)
        .filter((control) => {
          const byLabel = Array.from(control.labels ?? []).some((label) => (label.textContent ?? '').trim() !== '')
          const byAria = (control.getAttribute('aria-label') ?? '').trim() !== ''
          const byLabelledBy = (control.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .some((id) => id && (document.getElementById(id)?.textContent ?? '').trim() !== '')
          return !byLabel && !byAria && !byLabelledBy
        })
        .map((control) => `${control.tagName.toLowerCase()}${control.id ? `#${control.id}` : ''}[name=${control.getAttribute('name') ?? ''}][type=${control.getAttribute('type') ?? ''}]`),
    ),
  )
}

/** Waits until the checkout island has hydrated (before that, the form would submit natively). */
export async function waitForCheckout(page: Page): Promise<void> {
  await expect(page.locator('astro-island form.checkout')).toHaveCount(1)
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0)
}

export interface CheckoutDetails {
  companyName: string
  creditCode: string
  contactName: string
  mobile: string
  email: string
  /** A building id; left as the page preselected it when absent. */
  buildingId?: string
  floor: string
  unit: string
}

/** Types the customer's details into the checkout form (the slot, payment and terms are left to the test). */
export async function fillCheckout(page: Page, details: CheckoutDetails): Promise<void> {
  await page.locator('#checkout-companyName').fill(details.companyName)
  await page.locator('#checkout-creditCode').fill(details.creditCode)
  await page.locator('#checkout-contactName').fill(details.contactName)
  await page.locator('#checkout-mobile').fill(details.mobile)
  await page.locator('#checkout-email').fill(details.email)
  await verifyCheckoutEmail(page)
  if (details.buildingId) await page.locator('#checkout-building').selectOption(details.buildingId)
  await page.locator('#checkout-floor').fill(details.floor)
  await page.locator('#checkout-unit').fill(details.unit)
}

/** Sends the code to the typed e-mail, reads it from the mail (the outbox) and confirms it, as the customer would. */
export async function verifyCheckoutEmail(page: Page): Promise<void> {
  const [sent] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === '/api/verifications' && response.request().method() === 'POST'),
    page.getByTestId('send-code').click(),
  ])
  expect(sent.status()).toBe(202)
  const { id } = (await sent.json()) as { id: string }
  await expect(page.getByTestId('code-sent')).toBeVisible()
  await page.locator('#checkout-code').fill(mailedCode(id)!)
  await page.getByTestId('confirm-code').click()
  await expect(page.getByTestId('email-verified')).toBeVisible()
}

/**
 * The first date with a morning visit. Before noon on a working day a same-day building (Jin Mao) also
 * offers today's afternoon as the first date; every later working day has both. Returns the date chosen.
 * `morningLabel`: the morning radio's name (上午… or Morning…).
 */
export async function chooseFirstMorning(page: Page, morningLabel: RegExp): Promise<string> {
  const date = page.locator('#checkout-date')
  const morning = page.getByRole('radio', { name: morningLabel })
  for (const value of await date.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))) {
    await date.selectOption(value)
    if ((await morning.count()) > 0) {
      await morning.check()
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      return value
    }
  }
  throw new Error('no installation date offers a morning visit')
}

/** From a landing page, the building check on it: search, choose the building, see the qualified result. */
export async function checkBuildingFromLanding(page: Page, landingUrl: string, bundleName: string): Promise<Locator> {
  const landing = await page.goto(landingUrl)
  expect(landing?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(bundleName)
  await page.getByLabel('您的写字楼').fill('金茂')
  await page.getByRole('button', { name: '查询能否安装' }).click()
  await expect(page).toHaveURL(/\/check\?/)
  await page.getByRole('link', { name: '选择 金茂大厦' }).click()
  const result = page.locator('section.result')
  await expect(result).toHaveAttribute('data-result', 'qualified')
  return result
}
