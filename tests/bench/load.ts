import { spawn } from 'node:child_process'
import type { LoadJob, LoadResult } from './load-job'

const GENERATOR = new URL('./load-generator.ts', import.meta.url).pathname

/** Runs one load job in a new process (load-generator.ts) and answers what it measured. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', GENERATOR], { stdio: ['pipe', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the load generator exited with ${code}`))
      try {
        resolve(JSON.parse(stdout) as LoadResult)
      } catch (error) {
        reject(new Error(`the load generator printed no result: ${String(error)}`))
      }
    })
    child.stdin.end(JSON.stringify(job))
  })
}
