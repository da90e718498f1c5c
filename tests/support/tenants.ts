import { creditCodeCheckCharacter } from '../../server/domain/credit-code'
import { importsSettled, type TenantImportView } from '../../server/console/tenant-import'
import type { TestApi } from './test-api'

/** A valid unified social credit code, different for each `n`. */
export function creditCode(n: number): string {
  const first17 = `91310115MA1K${String(n).padStart(5, '0')}`
  return first17 + creditCodeCheckCharacter(first17)!
}

/** CSV text from rows of cells (quoted where needed), lines ending in CRLF as Excel writes them. */
export function csvText(rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value)
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** Posts a file as the console's import form does (multipart/form-data, field `file`), answered in JSON unless `asForm`. */
export function uploadTenantFile(api: TestApi, cookie: string, path: string, bytes: Uint8Array | string, name: string, extra: Record<string, string> = {}, asForm = false) {
  const form = new FormData()
  const content = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
  form.append('file', new File([content as Uint8Array<ArrayBuffer>], name))
  for (const [field, value] of Object.entries(extra)) form.append(field, value)
  // A script asks for JSON; the console's form (a browser) gets redirects.
  return api.request(path, { method: 'POST', headers: { cookie, ...(asForm ? {} : { accept: 'application/json' }) }, body: form })
}

/** Waits for the queued imports to finish and answers the job as the API reports it. */
export async function finishedImport(api: TestApi, cookie: string, jobId: string): Promise<TenantImportView> {
  await importsSettled()
  const response = await api.request(`/api/console/tenant-imports/${jobId}`, { headers: { cookie } })
  if (response.status !== 200) throw new Error(`the import ${jobId} answered ${response.status}`)
  return (await response.json()) as TenantImportView
}
