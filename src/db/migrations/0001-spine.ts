// The spine: presses, categories, articles with revisions/categories/photos, staff, sessions,
// rate buckets and the durable job queue.
import type { Kysely } from 'kysely';
import { TIME, withId } from '../columns.ts';
import type { Dialect } from '../database.ts';

// The portal's first categories, as this migration created them. Inlined because a migration is
// frozen once it has run somewhere: new or renamed categories need a new migration, never an edit here.
const SPINE_CATEGORIES = [
  { slug: 'politics', name_ko: '정치', name_en: 'Politics' },
  { slug: 'economy', name_ko: '경제', name_en: 'Economy' },
  { slug: 'society', name_ko: '사회', name_en: 'Society' },
  { slug: 'life-culture', name_ko: '생활/문화', name_en: 'Life & Culture' },
  { slug: 'world', name_ko: '세계', name_en: 'World' },
  { slug: 'it-science', name_ko: 'IT/과학', name_en: 'IT & Science' },
  { slug: 'sports', name_ko: '스포츠', name_en: 'Sports' },
  { slug: 'entertainment', name_ko: '연예', name_en: 'Entertainment' },
];

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema of its day, not the current Database type
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('presses'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('homepage', 'text')
    .addColumn('description', 'text')
    .addColumn('description_en', 'text')
    .addColumn('copyright', 'text')
    .addColumn('api_key_hash', 'text', (c) => c.unique())
    .addColumn('api_key_prefix', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('categories'), dialect)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_ko', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('categories')
    .values(SPINE_CATEGORIES.map((c, i) => ({ ...c, position: i })))
    .execute();

  await withId(db.schema.createTable('articles'), dialect)
    .addColumn('press_id', 'integer', (c) => c.notNull().references('presses.id').onDelete('cascade'))
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('subheadline', 'text')
    .addColumn('series', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('bylines', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('copyright', 'text')
    .addColumn('link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('first_created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('received_at', TIME, (c) => c.notNull())
    .addColumn('withdrawn_at', TIME)
    .addUniqueConstraint('articles_press_uri', ['press_id', 'uri'])
    .execute();
  await db.schema.createIndex('articles_latest').on('articles').columns(['status', 'first_created_at']).execute();
  await db.schema
    .createIndex('articles_press_latest')
    .on('articles')
    .columns(['press_id', 'status', 'first_created_at'])
    .execute();

  await withId(db.schema.createTable('article_revisions'), dialect)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('received_at', TIME, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('pubstatus', 'text', (c) => c.notNull())
    .addColumn('original', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_no', ['article_id', 'revision'])
    .execute();

  await db.schema
    .createTable('article_categories')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_categories_pk', ['article_id', 'category_id'])
    .execute();
  await db.schema
    .createIndex('article_categories_by_category')
    .on('article_categories')
    .column('category_id')
    .execute();

  await withId(db.schema.createTable('article_photos'), dialect)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('caption', 'text')
    .addColumn('credit', 'text')
    .addColumn('alt', 'text')
    .execute();
  await db.schema
    .createIndex('article_photos_by_article')
    .on('article_photos')
    .columns(['article_id', 'position'])
    .execute();

  await withId(db.schema.createTable('users'), dialect)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('press_id', 'integer', (c) => c.references('presses.id').onDelete('set null'))
    .addColumn('display_name', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rate_buckets')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', TIME, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_buckets_pk', ['key', 'window_start'])
    .execute();

  await withId(db.schema.createTable('jobs'), dialect)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', TIME, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', TIME)
    .addColumn('last_error', 'text')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('finished_at', TIME)
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
}
