// Press accounts and their API keys. Keys are 256-bit random tokens, so a SHA-256 digest is
// enough to store them (a slow hash guards low-entropy passwords, not random keys); the raw key
// is shown once, at creation or rotation.
import crypto from 'node:crypto';
import type { AppDeps } from '../deps.ts';
import type { Press } from '../db/schema.ts';
import { Errors } from '../errors.ts';
import { isAbsoluteHttpUrl } from '../html/url-schemes.ts';

const KEY_PREFIX = 'sosik_';

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) };
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface NewPress {
  slug: string;
  name: string;
  nameEn?: string;
  homepage?: string;
  description?: string;
  descriptionEn?: string;
  copyright?: string;
  /** Shown in the press directory (/press): an absolute http(s) image address. */
  logoUrl?: string;
}

export async function createPress(
  deps: Pick<AppDeps, 'db'>,
  input: NewPress,
): Promise<{ press: Press; apiKey: string }> {
  if (!SLUG_PATTERN.test(input.slug)) {
    throw Errors.invalidSlug();
  }
  if (!input.name.trim()) throw Errors.invalidName();
  // Shown as a link on the press page: only an absolute http(s) address (no javascript:, no relative path).
  if (input.homepage !== undefined && (input.homepage.length > 2_000 || !isAbsoluteHttpUrl(input.homepage))) {
    throw Errors.validation(
      [{ path: 'homepage', message: 'must be an http or https address' }],
      'The homepage must be an http or https address.',
    );
  }
  if (input.logoUrl !== undefined && (input.logoUrl.length > 2_000 || !isAbsoluteHttpUrl(input.logoUrl))) {
    throw Errors.validation(
      [{ path: 'logoUrl', message: 'must be an http or https address' }],
      'The logo must be an http or https address.',
    );
  }
  const taken = await deps.db.selectFrom('presses').select('id').where('slug', '=', input.slug).executeTakeFirst();
  if (taken) throw Errors.pressExists(input.slug);
  const { key, hash, prefix } = newApiKey();
  const press = await deps.db
    .insertInto('presses')
    .values({
      slug: input.slug,
      name: input.name.trim(),
      name_en: input.nameEn ?? null,
      homepage: input.homepage ?? null,
      description: input.description ?? null,
      description_en: input.descriptionEn ?? null,
      copyright: input.copyright ?? null,
      logo_url: input.logoUrl ?? null,
      api_key_hash: hash,
      api_key_prefix: prefix,
      created_at: Date.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { press, apiKey: key };
}

/** Replaces a press's key; the old one stops working at once. */
export async function rotateApiKey(deps: Pick<AppDeps, 'db'>, slug: string): Promise<string> {
  const { key, hash, prefix } = newApiKey();
  const res = await deps.db
    .updateTable('presses')
    .set({ api_key_hash: hash, api_key_prefix: prefix })
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw Errors.notFound(`press "${slug}"`);
  return key;
}

export async function findPressByApiKey(deps: Pick<AppDeps, 'db'>, key: string): Promise<Press | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return undefined;
  return deps.db.selectFrom('presses').selectAll().where('api_key_hash', '=', hashApiKey(key)).executeTakeFirst();
}

/** Every press with the first characters of its key (enough to tell keys apart, never usable). */
export async function listPressKeys(
  deps: Pick<AppDeps, 'db'>,
): Promise<Array<{ slug: string; name: string; apiKeyPrefix: string | null }>> {
  const rows = await deps.db.selectFrom('presses').select(['slug', 'name', 'api_key_prefix']).orderBy('slug').execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, apiKeyPrefix: r.api_key_prefix }));
}
