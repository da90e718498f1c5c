import { expect, test } from '@playwright/test'
import { checkConsolePage, signInToConsole } from './support/console'

/** A tenant list as a building manager keeps it: one company twice (merged), one with a landline for a mobile (refused). */
const LIST = [
  '公司名称,统一社会信用代码,楼层,房号,联系人,手机',
  '上海浏览器测试科技有限公司,,21,2101,吴敏,13800138021',
  '上海 浏览器测试科技有限公司,,21,2101,,',
  '上海座机贸易有限公司,,22,2201,郑强,021-61234567',
].join('\r\n')

test('a building manager imports a tenant list for their building and reads the report, in Chinese and English', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/console/buildings')
  await signInToConsole(page, 'manager@example.com')
  await expect(page).toHaveURL(/\/console\/buildings$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的楼宇')
  await expect(page.locator('tr[data-building]')).toHaveCount(4)
  await checkConsolePage(page, 'buildings-zh')

  await page.locator('tr[data-building="bld-jinmao-tower"] a').click()
  await page.getByLabel('名单文件（CSV 或 XLSX）').setInputFiles({ name: '金茂租户.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) })
  await page.getByRole('button', { name: '上传并导入' }).click()
  // The page follows the import and shows its report once done.
  const report = page.getByTestId('tenant-import')
  await expect(report).toHaveAttribute('data-status', 'done', { timeout: 15_000 })
  await expect(report).toContainText('新增企业: 1')
  await expect(report.locator('tr[data-row="4"]')).toContainText('手机号不正确')
  await expect(report).toContainText('第 3 行与第 2 行是同一家企业，已合并')
  await expect(page.locator('tr[data-tenant]')).toContainText(['上海浏览器测试科技有限公司'])
  await checkConsolePage(page, 'building-zh')

  await page.getByRole('link', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Import the tenant list' })).toBeVisible()
  await expect(report.locator('tr[data-row="4"]')).toContainText('Not a mobile number')
  await page.getByRole('link', { name: 'Edit 上海浏览器测试科技有限公司' }).click()
  await page.getByLabel('Contact').fill('吴经理')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('status')).toHaveText('The tenant is saved.')
  await expect(page.locator('#contactName-edited')).toHaveText('edited by hand; imports keep it')
  await checkConsolePage(page, 'tenant-edit-en')
})

test('an upload without a file is refused beside the file field, and an earlier import is not taken for this one', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/console/buildings/bld-lancun-road-mixed')
  await signInToConsole(page, 'manager@example.com')
  await page.getByLabel('名单文件（CSV 或 XLSX）').setInputFiles({ name: '蓝村路.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) })
  await page.getByRole('button', { name: '上传并导入' }).click()
  const shown = page.getByTestId('tenant-import')
  await expect(shown).toHaveAttribute('data-status', 'done', { timeout: 15_000 })
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('本次导入: 蓝村路.csv')

  // Opened again later, the same import is the latest one, not "this import".
  await page.goto('/console/buildings/bld-lancun-road-mixed')
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('最近一次导入: 蓝村路.csv')

  // An empty file: the form says so beside the file field, and nothing was imported.
  await page.getByLabel('名单文件（CSV 或 XLSX）').setInputFiles({ name: '空的.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) })
  await page.getByRole('button', { name: '上传并导入' }).click()
  const file = page.getByLabel('名单文件（CSV 或 XLSX）')
  await expect(file).toHaveAttribute('aria-invalid', 'true')
  await expect(file).toBeFocused()
  await expect(page.locator('#tenant-file-error')).toHaveText(/没有选择文件，或所选的文件是空的/)
  await expect(page.locator('.notice--bad')).toHaveCount(0)
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('最近一次导入: 蓝村路.csv')

  await page.getByRole('link', { name: 'English' }).click()
  await expect(page.locator('#tenant-file-error')).toHaveText(/no file was chosen, or the chosen one is empty/)
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('Latest import: 蓝村路.csv')
  await checkConsolePage(page, 'building-no-file-en')
})

// Found by the full browser run: an import still running when the page was first shown was called
// "latest import", not "this import", once it finished (the page reloaded without saying it was just sent).
test('a long import shows its progress, then its report as this import', async ({ page }) => {
  test.setTimeout(60_000)
  const rows = Array.from({ length: 6000 }, (_, index) => `上海长名单测试${index}有限公司,,${(index % 30) + 1},${1000 + index},联系人,138${String(index).padStart(8, '0')}`)
  await page.goto('/console/buildings/bld-lancun-road-mixed')
  await signInToConsole(page, 'manager@example.com')
  await page.getByLabel('名单文件（CSV 或 XLSX）').setInputFiles({ name: '长名单.csv', mimeType: 'text/csv', buffer: Buffer.from([LIST.split('\r\n')[0], ...rows].join('\r\n')) })
  await page.getByRole('button', { name: '上传并导入' }).click()
  const shown = page.getByTestId('tenant-import')
  await expect(shown).toHaveAttribute('data-status', /queued|running/)
  await expect(shown).toHaveAttribute('data-status', 'done', { timeout: 45_000 })
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('本次导入: 长名单.csv')
})

