import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { loadConfig } from '../../server/config'
import { createStaffUser } from '../../server/console/staff-admin'
import { AppError } from '../../server/errors'
import { createStaffUserSchema } from '../../server/schemas/console'
import { startServices } from '../../server/services/start-services'

/**
 * `npm run console:create-user -- --email ops.lead@example.cn --role admin [--role ops] [--name 张三]
 * [--manager mgr-id]`: creates a console user, typically the first admin. The password is asked for
 * on the terminal without echo; piped in (`… < file`), the first line of standard input is used.
 */
const usage = 'usage: npm run console:create-user -- --email ADDRESS --role ROLE [--role ROLE …] [--name NAME] [--manager BUILDING-MANAGER-ID]'

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' }, manager: { type: 'string' } },
  strict: true,
})
if (!values.email || !values.role?.length) {
  console.error(usage)
  process.exit(2)
}

const password = process.stdin.isTTY ? await askHidden('Password (at least 15 characters): ') : await firstLine()
const parsed = createStaffUserSchema.safeParse({
  email: values.email,
  displayName: values.name ?? values.email.split('@')[0],
  roles: values.role,
  managerId: values.manager,
  password,
})
if (!parsed.success || parsed.data.password === undefined) {
  const problems = parsed.success ? ['password: empty'] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  console.error(`Not created:\n  ${problems.join('\n  ')}`)
  process.exit(2)
}
if (process.stdin.isTTY && (await askHidden('Again, to confirm: ')) !== password) {
  console.error('Not created: the two passwords differ.')
  process.exit(2)
}

const { services, database } = await startServices(loadConfig(process.env))
try {
  const { user } = await createStaffUser(services, { kind: 'cli', id: null }, parsed.data)
  console.log(`Created ${user.email} (${user.roles.join(', ')}).`)
} catch (error) {
  console.error(error instanceof AppError ? `Not created: ${error.message}` : error)
  process.exitCode = 1
} finally {
  await database.close()
}

/** Reads a line from the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stdout.write(question)
    process.stdin.setRawMode(true)
    process.stdin.resume()
    let typed = ''
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') process.exit(130) // Ctrl-C
        if (char === '\r' || char === '\n') {
          process.stdin.setRawMode(false)
          process.stdin.pause()
          process.stdin.off('data', onData)
          process.stdout.write('\n')
          return resolve(typed)
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char
      }
    }
    process.stdin.on('data', onData)
  })
}

async function firstLine(): Promise<string> {
  for await (const line of createInterface({ input: process.stdin })) return line
  return ''
}
