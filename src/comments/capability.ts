// Comments (댓글): comments and one level of replies under articles, 공감/비공감, limits counted in
// the database, a moderation pipeline whose every decision is stored with its phase and evidence,
// the moderators' queue in the studio, and `sosik toxicity score` to evaluate the model.
import type { Capability } from '../capability.ts';
import { commentsCommands } from './commands.ts';
import { commentsDataPart } from './reader-data.ts';
import { readerCommentRoutes } from './reader-routes.tsx';
import { notificationRoutes } from './notification-routes.tsx';
import { replyMailJob } from './reply-mail.ts';
import { commentRoutes } from './routes.tsx';
import { commentCountSlot, commentThreadSlot } from './slots.tsx';
import { studioCommentRoutes } from './studio-routes.tsx';
import { COMMENTS_ASSETS } from './assets.ts';

export const commentsCapability: Capability = {
  name: 'comments',
  assets: COMMENTS_ASSETS,
  readerNav: [{ href: '/account/notifications', label: 'comments.notifications.title' }],
  async routes(app, deps) {
    await commentRoutes(app, deps);
    await readerCommentRoutes(app, deps);
    await studioCommentRoutes(app, deps);
    await notificationRoutes(app, deps);
  },
  jobs: [replyMailJob],
  commands: commentsCommands,
  readerData: commentsDataPart,
  staffNav: [{ href: '/studio/comments', label: 'comments.studio.nav' }],
  uncachedPaths: ['/comments/', '/studio/comments', '/readers/', '/account/notifications'],
  slots: { articleHeader: commentCountSlot, articleSection: commentThreadSlot },
};
