// Tables of the issues capability (see src/issues/tables.ts for their types).
import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(_db: Kysely<any>, _dialect: Dialect): Promise<void> {}
