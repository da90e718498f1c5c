import { AppError } from '../errors'
import { findCredentialsByEmail } from '../repositories/staff-users-repository'
import type { SignIn } from '../schemas/console'
import type { Services } from '../services/services'
import { verifyAgainstNobody, verifyPassword } from './passwords'
import { startSession } from './sessions'

const wrongCredentials = () => new AppError('invalid_credentials', 'The e-mail address or password is not right.')

const isWrongCredentials = (error: unknown) => error instanceof AppError && error.code === 'invalid_credentials'

/**
 * Checks the password and opens a new session. Unknown, disabled and mistyped accounts get the same
 * answer after the same amount of hashing. Failures count against the client's address and against
 * the account; once either is used up every attempt is refused (429) until the window has passed.
 */
export async function signIn(services: Services, credentials: SignIn, clientAddress: string): Promise<{ sessionId: string; expiresAt: Date }> {
  const { limits } = services
  return limits.attempt(
    'consoleLogins',
    clientAddress,
    () => limits.attempt('consoleLoginsPerAccount', credentials.email, () => checkAndStart(services, credentials), isWrongCredentials),
    isWrongCredentials,
  )
}

async function checkAndStart(services: Services, credentials: SignIn) {
  const account = await findCredentialsByEmail(services.db, credentials.email)
  const matches = account ? await verifyPassword(account.passwordHash, credentials.password) : await verifyAgainstNobody(credentials.password)
  if (!account || !matches || account.disabled) throw wrongCredentials()
  return startSession(services, account.id)
}
