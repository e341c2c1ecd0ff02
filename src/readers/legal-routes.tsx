// /terms and /privacy, in the reader's language.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { legalText, LegalView } from './legal.tsx';
import { sendReaderPage } from './page.tsx';

export async function legalRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const which of ['terms', 'privacy'] as const) {
    app.get(`/${which}`, async (request, reply) =>
      sendReaderPage(request, reply, deps, (locale) => {
        const text = legalText(which, locale);
        return { title: text.title, indexable: true, body: <LegalView text={text} /> };
      }),
    );
  }
}
