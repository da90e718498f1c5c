import { hc } from 'hono/client'
import type { ApiType } from '../../server/app'

/** The API, typed from the server's routes: islands call it through this and nothing else. */
export const api = hc<ApiType>('/').api

export type { ErrorBody as ApiErrorBody } from '../../server/errors'
