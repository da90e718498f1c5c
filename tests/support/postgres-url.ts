/** The PostgreSQL server the data-layer tests run against (also used by the benchmark). */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
