import type { ColumnType } from 'kysely'

/** A column with a default: always there when read, optional when inserted. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>

/** A nullable column an insert may leave out (null then). */
export type Optional<T> = Defaulted<T | null>

/** A count that starts at 0 (the column's default). */
export type Counter = Defaulted<number>
