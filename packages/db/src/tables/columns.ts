import type { ColumnType } from 'kysely';

/** A column the database fills on insert (default) but that can be given. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, T | string | undefined, T | string>;
