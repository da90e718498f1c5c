import { AppError } from '../errors'

/** A keyset position in a list ordered by (created_at, id), newest first. */
export interface Keyset {
  createdAt: string
  id: string
}

/** The position after `row`, opaque to the client. */
export const encodeKeyset = (row: { created_at: string; id: string }) => Buffer.from(`${row.created_at}|${row.id}`).toString('base64url')

/** The position a client sent back; a cursor that is not one of ours is a bad request. */
export function decodeKeyset(after: string | undefined): Keyset | undefined {
  if (!after) return undefined
  const [createdAt, id] = Buffer.from(after, 'base64url').toString().split('|')
  if (!createdAt || !id) throw new AppError('invalid_request', 'The page cursor is not valid.', [{ path: 'after', message: 'invalid' }])
  return { createdAt, id }
}
