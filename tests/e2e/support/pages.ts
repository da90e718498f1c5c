import { expect, type Locator, type Page } from '@playwright/test'

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
