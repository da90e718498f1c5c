import { hc } from 'hono/client'
import type { ApiType } from '../../server/app'

/** The API, typed from the server's routes: islands call it through this and nothing else. */
export const api = hc<ApiType>('/').api

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
}
