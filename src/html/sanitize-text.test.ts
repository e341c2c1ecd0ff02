// sanitizedHtmlToText skips the second parse htmlToText makes; on anything sanitizePressHtml can
// return it must give the same text. Held against hand-picked awkward markup and a few thousand
// generated bodies (a fixed seed, so a failure repeats).
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizedHtmlToText, sanitizePressHtml } from './sanitize.ts';

const AWKWARD = [
  '<p>a &amp; b &lt;c&gt; "d" \'e\' &nbsp;f&#39;g&#x27;h&#65;</p>',
  '<p>1 < 2 > 0 & done</p><p>&amp;lt;literal&amp;gt; &amp;#39;</p>',
  '<P>upper</P><BR><br/><br />x<h1>h</h1><h6>six</h6>',
  '<a href="https://a.example/?q=<b>&x=\'>\'">link > text</a>',
  '<img src="https://i.example/a.jpg" alt="a > b < c &quot;">after',
  '<!-- comment > with --> text <![CDATA[ cdata > ]]> more',
  '<script>var a = "<p>x</p>";</script><style>p>a{}</style><textarea><p>t</p></textarea>tail',
  '<xmp><p>x</p></xmp><noscript><p>n</p></noscript><template><p>t</p></template>',
  '<p>unclosed <b>bold <i>italic<p>next</p>',
  '<?xml version="1.0"?><!DOCTYPE html><p>doc</p>',
  '<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>',
  '<pre>  spaced\n\n  lines\t\ttabs  </pre><ul><li>one</li><li>two</li></ul>',
  '<p>\u00a0\u00a0nbsp\u2028line\u3000ideographic</p>',
  '<p>&unknown; &amp &#xD800; &#0; &#1114112;</p>',
  '<div><span style="x">스팬</span></div><blockquote>인용</blockquote><figure><figcaption>캡션</figcaption></figure>',
  '<p title="a>b">attr</p><a title=\'"\' href=x>q</a>',
  '< p>not a tag</ p><p>&lt;/p&gt;</p>',
];

const PIECES = [
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<i>',
  '<a href="https://x.example/?a=1&b=2">',
  '</a>',
  '<br>',
  '<br/>',
  '<img src="https://i.example/x.jpg" alt="a>b">',
  '<img src="x.png">',
  '<script>',
  '</script>',
  '<style>',
  '</style>',
  '<textarea>',
  '</textarea>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<li>',
  '</li>',
  '<h1>',
  '</h1>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<pre>',
  '</pre>',
  '<span>',
  '</span>',
  '<div>',
  '</div>',
  '<',
  '>',
  '&',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&#39;',
  '&#x27;',
  '&nbsp;',
  '&#12354;',
  '&copy;',
  '"',
  "'",
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '가나다',
  '기사 본문',
  'text',
  '=',
  '/',
  '?',
  '!',
  '<!DOCTYPE x>',
  '<p title="x>y">',
  "<a title='<q>'>",
  '</ p>',
  '<P>',
  '</P>',
  '<xmp>',
  '</xmp>',
  '<?pi?>',
];

function generated(count: number): string[] {
  let seed = 0x5eed;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + (next() % 40) }, () => PIECES[next() % PIECES.length]).join(''),
  );
}

describe('sanitizedHtmlToText', () => {
  it('gives the text htmlToText gives, on awkward markup once sanitised', () => {
    for (const raw of AWKWARD) {
      const html = sanitizePressHtml(raw);
      expect(sanitizedHtmlToText(html), raw).toBe(htmlToText(html));
    }
    expect(sanitizedHtmlToText(sanitizePressHtml(AWKWARD[0]!))).toBe("a & b <c> \"d\" 'e' f'g'hA");
  });

  it('gives the text htmlToText gives, on generated bodies once sanitised', () => {
    let nonEmpty = 0;
    for (const raw of generated(3000)) {
      const html = sanitizePressHtml(raw);
      const text = htmlToText(html);
      if (text) nonEmpty++;
      expect(sanitizedHtmlToText(html), raw).toBe(text);
    }
    expect(nonEmpty).toBeGreaterThan(2000);
  });
});
