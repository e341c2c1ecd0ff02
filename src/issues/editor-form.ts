// Turns the issue page's editor form into an EditorAction, or a 422 naming the bad field.
import type { AppDeps } from '../deps.ts';
import { Errors } from '../errors.ts';
import type { EditorAction } from './editor.ts';
import { findIssueBySlug } from './read-store.ts';
import { idFromSlug } from './naming.ts';

function field(body: unknown, name: string): string | undefined {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function articleId(body: unknown): number {
  const raw = field(body, 'article');
  if (!raw || !/^\d{1,12}$/.test(raw))
    throw Errors.validation([{ path: 'article', message: 'an article number is required' }]);
  return Number(raw);
}

/** Accepts a target issue as a number, a slug, or a pasted /issues/… address (`name` is the form field). */
async function targetIssue(deps: Pick<AppDeps, 'db'>, raw: string | undefined, name: 'into' | 'to'): Promise<number> {
  const slug = decodedSlug((raw ?? '').replace(/^.*\/issues\//, '').replace(/[?#].*$/, ''));
  if (slug === undefined)
    throw Errors.validation([{ path: name, message: 'not a valid issue address (broken %-escape)' }]);
  const found = slug ? await findIssueBySlug(deps.db, slug) : { kind: 'missing' as const };
  const id = found.kind === 'found' ? found.issue.id : found.kind === 'redirect' ? idFromSlug(found.slug) : undefined;
  if (id === undefined) throw Errors.validation([{ path: name, message: 'no such issue' }]);
  return id;
}

/** A pasted address may carry a broken %-escape ("%zz", a cut-off "%E0%A4%A"): that is the editor's typo, not our fault. */
function decodedSlug(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export async function parseEditorForm(
  deps: Pick<AppDeps, 'db'>,
  issueId: number,
  body: unknown,
): Promise<EditorAction> {
  const action = field(body, 'action');
  switch (action) {
    case 'rename':
      return { action, issueId, name: field(body, 'name') ?? '' };
    case 'merge':
      return { action, issueId, intoIssueId: await targetIssue(deps, field(body, 'into'), 'into') };
    case 'move-out': {
      const to = field(body, 'to');
      return {
        action,
        issueId,
        articleId: articleId(body),
        ...(to ? { toIssueId: await targetIssue(deps, to, 'to') } : {}),
      };
    }
    case 'pin-lead':
      return { action, issueId, articleId: field(body, 'article') ? articleId(body) : null };
    case 'hide':
      return { action, issueId, hidden: field(body, 'hidden') !== '0' };
    case 'lock':
      return { action, issueId, articleId: articleId(body) };
    default:
      throw Errors.validation([{ path: 'action', message: 'unknown editor action' }]);
  }
}
