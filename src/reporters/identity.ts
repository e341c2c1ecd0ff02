// What makes two bylines one reporter, within one press: the press's own id for the person when
// it sends one; otherwise the name (Unicode-normalised, spaces folded) together with the e-mail,
// because two "김민수" at one press are common and an address tells them apart.
import type { Byline } from '../articles/index.ts';

export function reporterIdentity(byline: Pick<Byline, 'name' | 'ref' | 'email'>): string {
  const ref = byline.ref?.trim();
  if (ref) return `id:${ref}`.slice(0, 300);
  const name = byline.name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  const email = byline.email?.trim().toLowerCase() ?? '';
  return `name:${name}|${email}`.slice(0, 300);
}
