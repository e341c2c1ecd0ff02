// Editors' controls on the issue page: plain POST forms (work without script), each carrying the
// session's CSRF token. Only rendered for staff with the editor or admin role.
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../auth/csrf.tsx';
import { translator, type Locale } from '../../web/i18n/index.ts';
import type { IssueArticle, IssueSummary } from '../read-store.ts';

export interface EditorContext {
  locale: Locale;
  csrfToken: string;
  editorName: string | null;
}

function ActionForm(props: {
  ctx: EditorContext;
  slug: string;
  action: string;
  children: ComponentChildren;
  inline?: boolean;
}) {
  return (
    <form
      method="post"
      action={`/issues/${encodeURIComponent(props.slug)}/edit`}
      class={props.inline ? 'issue-edit issue-edit--inline' : 'issue-edit'}
    >
      <CsrfField token={props.ctx.csrfToken} />
      <input type="hidden" name="action" value={props.action} />
      {props.children}
    </form>
  );
}

export function EditorPanel(props: { ctx: EditorContext; issue: IssueSummary }) {
  const { ctx, issue } = props;
  const tr = translator(ctx.locale);
  return (
    <section class="issue-editor" aria-labelledby="issue-editor-title">
      <h2 id="issue-editor-title" class="section-title">
        {tr('issues.editor.title')}
      </h2>
      <ActionForm ctx={ctx} slug={issue.slug} action="rename">
        <label for="issue-name">{tr('issues.editor.name')}</label>
        <input id="issue-name" name="name" required maxLength={120} value={ctx.editorName ?? issue.name} />
        <button class="button" type="submit">
          {tr('issues.editor.rename')}
        </button>
      </ActionForm>
      <ActionForm ctx={ctx} slug={issue.slug} action="merge">
        <label for="issue-merge-into">{tr('issues.editor.merge-into')}</label>
        <input id="issue-merge-into" name="into" required placeholder={tr('issues.editor.merge-placeholder')} />
        <button class="button" type="submit">
          {tr('issues.editor.merge')}
        </button>
      </ActionForm>
      <ActionForm ctx={ctx} slug={issue.slug} action="lock">
        <label for="issue-lock-article">{tr('issues.editor.lock-article')}</label>
        <input id="issue-lock-article" name="article" required inputMode="numeric" pattern="[0-9]+" />
        <button class="button" type="submit">
          {tr('issues.editor.lock')}
        </button>
      </ActionForm>
      <ActionForm ctx={ctx} slug={issue.slug} action="hide">
        <input type="hidden" name="hidden" value={issue.hidden ? '0' : '1'} />
        <button class="button" type="submit">
          {tr(issue.hidden ? 'issues.editor.unhide' : 'issues.editor.hide')}
        </button>
      </ActionForm>
    </section>
  );
}

export function ArticleEditorActions(props: { ctx: EditorContext; issueSlug: string; article: IssueArticle }) {
  const { ctx, issueSlug, article } = props;
  const tr = translator(ctx.locale);
  return (
    <span class="issue-item__edit">
      {article.locked ? <span class="issue-item__locked">{tr('issues.editor.locked')}</span> : null}
      <ActionForm ctx={ctx} slug={issueSlug} action="pin-lead" inline>
        <input type="hidden" name="article" value={String(article.id)} />
        <button
          class="tool-button"
          type="submit"
          aria-label={tr('issues.editor.pin-label', { headline: article.headline })}
        >
          {tr('issues.editor.pin')}
        </button>
      </ActionForm>
      <ActionForm ctx={ctx} slug={issueSlug} action="move-out" inline>
        <input type="hidden" name="article" value={String(article.id)} />
        <button
          class="tool-button"
          type="submit"
          aria-label={tr('issues.editor.move-out-label', { headline: article.headline })}
        >
          {tr('issues.editor.move-out')}
        </button>
      </ActionForm>
      {article.locked ? null : (
        <ActionForm ctx={ctx} slug={issueSlug} action="lock" inline>
          <input type="hidden" name="article" value={String(article.id)} />
          <button
            class="tool-button"
            type="submit"
            aria-label={tr('issues.editor.lock-label', { headline: article.headline })}
          >
            {tr('issues.editor.lock')}
          </button>
        </ActionForm>
      )}
    </span>
  );
}
