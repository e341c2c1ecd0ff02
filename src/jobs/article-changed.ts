// The payload every "article changed" job kind receives (see `onArticleChanged` in the manifest):
// the capability re-reads the article itself, so a job that runs late still sees the newest state.
import { z } from 'zod';

export const articleChangedPayload = z.object({ articleId: z.number().int().positive() });
export type ArticleChangedPayload = z.infer<typeof articleChangedPayload>;
