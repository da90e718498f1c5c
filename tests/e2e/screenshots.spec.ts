import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { createFixedBroadbandQuote, placeOrder } from './support/orders'
import { waitForCheckout, waitForConfigurator } from './support/pages'
import { reviewScreenshot } from './support/review-screenshot'

/**
 * Full-page screenshots of the main pages on a phone and a laptop, for a person to look at (outside CI), plus the
 * layout checks a machine can make: the page answers 200, has one h1, and nothing overflows a phone.
 */
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const

async function createQuote(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/quotes', {
    data: {
      offering: 'evergreen',
      termMonths: 12,
      options: { plan: 'A' },
      items: { 'fixed-line': 2, 'mobile-line': 5, 'bb-300': 1 },
      customer: { status: 'new', employees: 20, priorMonthlySpend: [800_000, 800_000, 800_000], currentMonthlySpend: 1_100_000 },
      usage: { local_voice: 30_000, long_distance: 10_000, mobile: 50_000 },
      buildingId: 'bld-jinmao-tower',
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

async function createLead(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/leads', {
    data: { company: '上海测试科技有限公司', contact: { name: '张三', mobile: '13812345678' }, buildingId: 'bld-jinmao-tower', offering: 'evergreen', source: 'callback' },
  })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

/** The path and query of an absolute link the server made (it points at this test server). */
const relative = (url: string) => {
  const { pathname, search } = new URL(url)
  return `${pathname}${search}`
}

interface Shot {
  name: string
  path: (request: APIRequestContext) => Promise<string> | string
  ready?: (page: Page) => Promise<void>
}

const shots: Shot[] = [
  { name: 'home-zh', path: () => '/' },
  { name: 'home-en', path: () => '/en/' },
  { name: 'bundle-zh', path: () => '/bundles/evergreen' },
  { name: 'bundle-en', path: () => '/en/bundles/evergreen' },
  { name: 'check-result', path: () => '/check?building=bld-jinmao-tower&offering=evergreen' },
  {
    name: 'configurator',
    path: () => '/configure/evergreen',
    ready: async (page) => {
      await waitForConfigurator(page)
      await expect(page.getByTestId('proposal-link')).toBeVisible() // the live quote has been stored
    },
  },
  { name: 'proposal', path: async (request) => `/quotes/${await createQuote(request)}` },
  { name: 'thank-you', path: async (request) => `/leads/${await createLead(request)}` },
  {
    name: 'checkout',
    path: async (request) => `/checkout/${await createFixedBroadbandQuote(request, 'bld-jingan-kerry-centre')}`,
    ready: waitForCheckout,
  },
  {
    // Awaiting a bank transfer: the instructions block.
    name: 'order-tracking',
    path: async (request) => {
      const order = await placeOrder(request, await createFixedBroadbandQuote(request), { buildingId: 'bld-jingan-kerry-centre', method: 'invoice' })
      return relative(order.trackingUrl)
    },
  },
  {
    // Awaiting an online payment: the pay link (not followed).
    name: 'order-tracking-en',
    path: async (request) => {
      const order = await placeOrder(request, await createFixedBroadbandQuote(request), { buildingId: 'bld-plaza-66', method: 'online', lang: 'en' })
      return relative(order.trackingUrl)
    },
  },
]

test.describe('screenshots and layout of the main pages', () => {
  test.beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }))

  for (const shot of shots) {
    test(shot.name, async ({ page }) => {
      const path = await shot.path(page.request)
      for (const viewport of WIDTHS) {
        await page.setViewportSize(viewport)
        const response = await page.goto(path)
        expect(response?.status(), `${path} status`).toBe(200)
        await shot.ready?.(page)
        await page.evaluate(() => document.fonts.ready)
        await reviewScreenshot(page, { path: `${SCREENSHOTS}${shot.name}-${viewport.width}.png`, fullPage: true, animations: 'disabled' })

        await expect.soft(page.locator('h1'), `${path} at ${viewport.width}px: one h1`).toHaveCount(1)
        if (viewport.width === 390) {
          const overflow = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            // The outermost elements that stick out on the right, to say where the overflow comes from.
            culprits: Array.from(document.querySelectorAll<HTMLElement>('body *'))
              .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .filter((element) => !(element.parentElement && element.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
              .slice(0, 5)
              .map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(element.getBoundingClientRect().right)})`),
          }))
          expect.soft(overflow.scrollWidth, `${path} at 390px overflows horizontally: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(390)
        }
      }
    })
  }
})
