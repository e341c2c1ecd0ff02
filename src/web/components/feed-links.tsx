// A page's feeds as a short list of links: "RSS · Atom · JSON Feed". The page or the list's label
// already says whose feeds they are, so the links name only the format (not the title thrice).
import type { AlternateLink } from '../layout.tsx';

const FORMAT_NAMES: Record<string, string> = {
  'application/rss+xml': 'RSS',
  'application/atom+xml': 'Atom',
  'application/feed+json': 'JSON Feed',
};

export function FeedLinks(props: { feeds: readonly AlternateLink[]; label?: string; class?: string }) {
  return (
    <ul class={`feed-links${props.class ? ` ${props.class}` : ''}`} aria-label={props.label}>
      {props.feeds.map((f) => (
        <li>
          <a href={f.href} type={f.type}>
            {FORMAT_NAMES[f.type] ?? f.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
