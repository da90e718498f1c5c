import { expect, test } from '@playwright/test'
import { waitForCheckout, waitForConfigurator } from './support/pages'
import { createFixedBroadbandQuote } from './support/orders'

// Found trying the configurator on a phone: every option card drew its radio below its label's first
// line (the text boxes' 44px height applied to radios and checkboxes too).
test.use({ viewport: { width: 390, height: 844 } })

test('radio buttons and checkboxes sit on the first line of their label', async ({ page, request }) => {
  await page.goto('/configure/evergreen')
  await waitForConfigurator(page)
  const card = page.locator('label.choice', { has: page.locator('input[name="size"]') }).first()
  const radio = card.locator('input')
  const radioBox = (await radio.boundingBox())!
  const cardBox = (await card.boundingBox())!
  expect(radioBox.height).toBeLessThan(24)
  expect(radioBox.y - cardBox.y).toBeLessThan(16)

  await page.goto(`/checkout/${await createFixedBroadbandQuote(request, 'bld-raffles-city')}`)
  await waitForCheckout(page)
  expect((await page.locator('#checkout-acceptTerms').boundingBox())!.height).toBeLessThan(24)
})
