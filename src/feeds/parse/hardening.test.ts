// Security issue item 14 ("smaller hardening"): the DOCTYPE guard and the item cap.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../feed-error.ts';
import { capXmlItems } from './cap-items.ts';
import { parseFeedText } from './parse-feed.ts';

const run = promisify(execFile);

function refusal(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedError);
    return err as FeedError;
  }
  throw new Error('expected a FeedError');
}

const SUBSET = '[<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]';
const RSS = '<rss version="2.0"><channel><title>&b;</title><item><guid>1</guid><title>x</title></item></channel></rss>';

describe('guardXml reads the whole DOCTYPE', () => {
  it.each([
    ['a system literal holding ">"', `<!DOCTYPE rss SYSTEM "http://x.example/a>b" ${SUBSET}>`],
    ['a public literal holding ">"', `<!DOCTYPE rss PUBLIC "-//X//a>b//EN" 'http://x.example/d.dtd' ${SUBSET}>`],
    ['a single-quoted literal holding ">" and \'"\'', `<!DOCTYPE rss SYSTEM 'http://x.example/"a>b' ${SUBSET}>`],
  ])('refuses an internal subset behind %s', (_name, doctype) => {
    expect(refusal(() => parseFeedText(`<?xml version="1.0"?>${doctype}${RSS}`)).code).toBe('FEED_ENTITIES_REFUSED');
  });

  it('still accepts external DTD references whose literals hold ">" or "["', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://x.example/[odd]>dtd">${RSS.replace('&b;', '제목')}`;
    expect(parseFeedText(xml).title).toBe('제목');
  });

  it('and the parser still expands nothing were the guard ever bypassed', () => {
    const out = parseRssFeed(`<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://x.example/a>b" ${SUBSET}>${RSS}`);
    expect(out.title).toBe('&b;');
  });
});

describe('the item cap applies before parsing', () => {
  it('cuts items after the first N out of the text, keeping what follows the last item', () => {
    const xml =
      '<rss><channel><title>t</title><item><guid>1</guid></item><item><guid>2</guid><description><![CDATA[quoting </item> in a body]]></description></item><!-- </item> --><item><guid>3</guid></item><item><guid>4</guid></item></channel></rss>';
    expect(capXmlItems(xml, 2)).toBe(
      '<rss><channel><title>t</title><item><guid>1</guid></item><item><guid>2</guid><description><![CDATA[quoting </item> in a body]]></description></item></channel></rss>',
    );
    expect(capXmlItems(xml, 4)).toBe(xml);
    expect(capXmlItems('<feed><entry><id>1</id></entry><atom:entry><id>2</id></atom:entry></feed>', 1)).toBe(
      '<feed><entry><id>1</id></entry></feed>',
    );
  });

  it('parses a 100,000-item feed with the poller cap inside a 96 MB heap', async () => {
    const child = path.join(import.meta.dirname, 'cap-memory.child.ts');
    const { stdout } = await run(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', child, '100000'], {
      cwd: process.cwd(),
    });
    const out = JSON.parse(stdout) as { bytes: number; items: number; first: string; last: string };
    expect(out.bytes).toBeGreaterThan(6_000_000);
    expect(out).toMatchObject({ items: 500, first: 'g0', last: 'g499' });
  }, 60_000);
});
