import { expect, test } from '@playwright/test'
import { waitForConfigurator } from './support/pages'
import { viewports } from './support/viewports'
import { reviewScreenshot } from './support/review-screenshot'

/** Fully booked on fibre: bundles that must include broadband cannot be installed there; voice and mobile can. */
const slowBuilding = { id: 'bld-shanghai-tower', servable: ['fixed-mobile', 'local-ld-gift'], notServable: ['bb-express', 'fixed-broadband'] }

for (const { name, viewport } of viewports) {
  test.describe(`the general building check carries the building forward (${name})`, () => {
    test.use({ viewport })

    test('from the menu: the bundles the building can serve, each configured at that building', async ({ page }) => {
      await page.goto('/')
      await page.getByRole('navigation').getByRole('link', { name: '楼宇查询' }).click()
      await expect(page).toHaveURL(/\/check$/)
      await page.getByLabel('您的写字楼').fill('金茂')
      await page.getByRole('button', { name: '查询能否安装' }).click()
      await page.getByRole('link', { name: '选择 金茂大厦' }).click()

      const bundles = page.getByTestId('servable-bundles')
      await expect(bundles.getByRole('heading')).toHaveText(/^本楼可以办理的套餐（\d+ 个）$/)
      await expect(bundles.getByRole('link', { name: '配置「商务常青」' })).toBeVisible()
      await expect(bundles.getByRole('link', { name: '配置「网络快车」' })).toBeVisible()
      await reviewScreenshot(page, { path: `test-results/screenshots/check-bundles-zh-${name}.png`, fullPage: true })
      await bundles.getByRole('link', { name: '配置「商务常青」' }).click()

      await expect(page).toHaveURL(/\/configure\/evergreen\?building=bld-jinmao-tower/)
      await waitForConfigurator(page)
      await expect(page.locator('.configure__building')).toContainText('金茂大厦')
    })

    test('in English, a building without free fibre ports lists only the bundles it can serve', async ({ page }) => {
      await page.goto(`/en/check?building=${slowBuilding.id}`)
      const bundles = page.getByTestId('servable-bundles')
      await expect(bundles.getByRole('heading')).toHaveText(/^Bundles your building can get \(\d+\)$/)
      for (const slug of slowBuilding.servable) await expect(bundles.locator(`a[href^="/en/configure/${slug}?building=${slowBuilding.id}"]`)).toHaveCount(1)
      for (const slug of slowBuilding.notServable) await expect(bundles.locator(`a[href^="/en/configure/${slug}?"]`)).toHaveCount(0)
      await reviewScreenshot(page, { path: `test-results/screenshots/check-bundles-en-${name}.png`, fullPage: true })
    })
  })
}

// Found trying the product as a search-ad visitor: checking a 100M building for Evergreen said "cannot serve
// the speed you asked for" (none was asked), and the only way on forced 100M broadband into the bundle.
test('a bundle whose fastest speed the building cannot take: said as such, with a way on that forces no speed', async ({ page }) => {
  await page.goto('/check?offering=evergreen&building=bld-lancun-road-mixed')
  const result = page.locator('.result')
  await expect(result).toHaveAttribute('data-result', 'alternate')
  await expect(result.getByRole('status')).toHaveText(/^本楼装不了本套餐最快的宽带速率/)
  await expect(result.getByRole('link', { name: /^改选 .*100M.* 并配置报价$/ })).toHaveCount(1)
  await result.getByRole('link', { name: '开始配置报价' }).click()
  // The configurator writes its state into the URL once it runs: the building stays, no broadband is chosen.
  await expect(page).toHaveURL(/\/configure\/evergreen\?building=bld-lancun-road-mixed(&|$)/)
  await waitForConfigurator(page)
  await expect(page.locator('.configure__building')).toContainText('蓝村路商住楼')
  expect(new URL(page.url()).searchParams.get('broadband')).toBeNull()
})
