// A page that only tells the visitor something (link sent, link expired), with a way on.
import { Card } from './form-parts.tsx';

export function MessageView({
  id,
  title,
  paragraphs,
  link,
}: {
  id: string;
  title: string;
  paragraphs: string[];
  link?: { href: string; label: string };
}) {
  return (
    <Card id={id} title={title}>
      <div role="status">
        {paragraphs.map((p) => (
          <p>{p}</p>
        ))}
      </div>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </Card>
  );
}
