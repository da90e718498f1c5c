import { expect, test, type Page } from '@playwright/test'
import { storedLead } from './support/database'
import { unlabelledControls } from './support/pages'

/** Searches the check page and opens Shanghai Tower, which has no free fibre ports. */
async function openShanghaiTower(page: Page) {
  const response = await page.goto('/check?offering=bb-express')
  expect(response?.status()).toBe(200)
  await page.getByLabel('您的写字楼').fill('上海中心')
  await page.getByRole('button', { name: '查询能否安装' }).click()
  await page.getByRole('link', { name: '选择 上海中心大厦' }).click()
  await expect(page).toHaveURL(/building=bld-shanghai-tower/)
}

test.describe('a visitor whose building cannot be served asks the building manager to call', () => {
  test('the unqualified result names the reason and the callback becomes a lead for the manager', async ({ page }) => {
    await openShanghaiTower(page)
    const result = page.locator('section.result')
    await expect(result).toHaveAttribute('data-result', 'unqualified')
    await expect(result.getByRole('heading', { level: 2 })).toHaveText('上海中心大厦')
    await expect(result.getByRole('status')).toContainText('本楼暂时无法直接办理')
    await expect(result.getByRole('status').getByRole('listitem')).toContainText(['本楼暂无空闲光纤端口'])
    await expect(result.locator('.manager')).toContainText('王静')

    const form = page.locator('#callback')
    await expect(form.getByRole('heading', { level: 2 })).toHaveText('申请勘察，请楼宇经理回电')
    expect(await unlabelledControls(form)).toEqual([])
    await form.locator('#callback-company').fill('上海测试科技有限公司')
    await form.locator('#callback-name').fill('张三')
    await form.locator('#callback-mobile').fill('13812345678')
    await form.locator('#callback-note').fill('工作日下午方便')
    await form.getByRole('button', { name: '请回电给我' }).click()

    await expect(page).toHaveURL(/\/leads\/[^/?#]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('已收到您的回电请求')
    await expect(page.getByRole('status')).toContainText('您的楼宇经理 王静')
    const id = new URL(page.url()).pathname.split('/').at(-1)!

    const lead = storedLead(id)
    expect(lead, `lead ${id} in the database`).toBeDefined()
    expect(lead).toMatchObject({
      source: 'unserviceable',
      company: '上海测试科技有限公司',
      building_id: 'bld-shanghai-tower',
      manager_id: 'mgr-lujiazui-wang',
      offering_slug: 'bb-express',
    })
  })

  test('a mobile number that is not one comes back with the error at the field, focused, and the typed values kept', async ({ page }) => {
    await openShanghaiTower(page)
    const form = page.locator('#callback')
    const mobile = form.locator('#callback-mobile')
    await form.locator('#callback-company').fill('上海测试科技有限公司')
    await form.locator('#callback-name').fill('张三')
    await mobile.fill('12345')
    await form.getByRole('button', { name: '请回电给我' }).click()

    // What was typed waits on the server: the address names it by an opaque id only.
    await expect(page).toHaveURL(/lead_form=/)
    await expect(page).toHaveURL(/building=bld-shanghai-tower/)
    expect(decodeURIComponent(page.url())).not.toMatch(/上海测试|张三|12345(?!\d)/)
    // Found trying the form on a phone: the sentence was a notice above the form, and the focus stayed at the top.
    await expect(form.locator('#callback-mobile-error')).toHaveText('请输入 11 位手机号码，如 13812345678')
    await expect(form.getByRole('alert')).toHaveCount(0)
    await expect(mobile).toBeFocused()
    await expect(mobile).toHaveAttribute('aria-invalid', 'true')
    await expect(mobile).toHaveAttribute('aria-describedby', 'callback-mobile-hint callback-mobile-error')
    await expect(form.locator('#callback-company')).toHaveValue('上海测试科技有限公司')
    await expect(form.locator('#callback-name')).toHaveValue('张三')
    await expect(form.locator('#callback-mobile')).toHaveValue('12345')
  })
})
