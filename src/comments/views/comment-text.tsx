// A comment's text as markup: escaped by preact, line breaks kept, http(s) links clickable and
// marked as user content that passes no ranking or opener.
import { linkParts } from '../text-key.ts';

export function CommentText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p class="comment__text">
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {linkParts(line).map((part) =>
            part.href ? (
              <a href={part.href} rel="nofollow ugc noopener" target="_blank">
                {part.text}
              </a>
            ) : (
              part.text
            ),
          )}
        </>
      ))}
    </p>
  );
}
