// Column helpers that hide the few DDL differences between SQLite and PostgreSQL.
import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from './database.ts';

/** An auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Epoch-millisecond time column type. */
export const TIME = 'bigint' as const;
