/** The PostgreSQL server the data-layer tests run against (also used by the benchmark). */
export const testServerUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Each vitest worker works in a database of its own on that server. Kysely's migrator looks at every
 * schema of its database, and a schema another worker drops meanwhile made its catalog query fail
 * ("schema test_… does not exist"); schemas of another database are out of its sight.
 */
export const workerDatabaseName = process.env.VITEST_POOL_ID ? `storefront_test_worker_${process.env.VITEST_POOL_ID}` : undefined

/** Where this process's tests make their schemas: the worker's database, or the server's own outside vitest. */
export const testPostgresUrl = workerDatabaseName ? Object.assign(new URL(testServerUrl), { pathname: `/${workerDatabaseName}` }).toString() : testServerUrl
