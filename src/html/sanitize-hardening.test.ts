// Smaller sanitiser findings (security probe 14): javascript: behind Unicode spaces, and relative
// image sources, which the comment said were refused but survived.
import { describe, expect, it } from 'vitest';
import { sanitizePressHtml } from './sanitize.ts';

// The characters the probe found sanitize-html let through in front of "javascript:".
const HIDING = [
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u1680',
  '\u180e',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
];

describe('links and images in press HTML', () => {
  it.each(HIDING.map((c) => [`U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`, c]))(
    'drops href="%s javascript:…" (literal and as an entity)',
    (_name, c) => {
      const entity = `&#x${c.codePointAt(0)!.toString(16)};`;
      for (const prefix of [c, entity, `${entity}${entity}`]) {
        const out = sanitizePressHtml(`<a href="${prefix}javascript:alert(1)">x</a>`);
        expect(out).not.toMatch(/javascript/i);
        expect(out).toContain('>x</a>');
      }
    },
  );

  it('drops schemes split by invisible characters, keeps ordinary links', () => {
    expect(sanitizePressHtml('<a href="java\u200bscript:alert(1)">x</a>')).not.toMatch(/href/);
    expect(sanitizePressHtml('<a href="vbscript:x">x</a>')).not.toMatch(/href/);
    expect(sanitizePressHtml('<a href="https://press.example/a?b=1">x</a>')).toContain(
      'href="https://press.example/a?b=1"',
    );
    expect(sanitizePressHtml('<a href="mailto:desk@press.example">x</a>')).toContain(
      'href="mailto:desk@press.example"',
    );
    expect(sanitizePressHtml('<a href="/relative/page">x</a>')).toContain('href="/relative/page"');
  });

  it('refuses relative and non-http image sources (the img goes), keeps absolute http(s) ones', () => {
    for (const src of [
      '/static/x.png',
      'x.png',
      '../x.png',
      '//cdn.example/x.png',
      'data:image/png;base64,AAAA',
      '\u2028https://a.example/x.png',
    ]) {
      expect(sanitizePressHtml(`<p>a<img src="${src}" alt="사진"></p>`)).toBe('<p>a</p>');
    }
    expect(sanitizePressHtml('<img src="https://img.press.example/a.jpg" alt="사진">')).toContain(
      'src="https://img.press.example/a.jpg"',
    );
  });
});
