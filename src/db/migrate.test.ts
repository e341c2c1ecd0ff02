import { describe, expect, it } from 'vitest';
import { createTestDb, testDialects } from '../../test/helpers/databases.ts';

describe.each(await testDialects())('migrations on %s', (dialect) => {
  it('creates the schema with the default categories, and is idempotent', async () => {
    const t = await createTestDb(dialect);
    try {
      const cats = await t.db.selectFrom('categories').select(['slug']).orderBy('position').execute();
      expect(cats.map((c) => c.slug)).toContain('economy');
      expect(cats).toHaveLength(8);
      const { migrateToLatest } = await import('./migrate.ts');
      expect(await migrateToLatest(t)).toEqual([]);
    } finally {
      await t.dispose();
    }
  });
});
