import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from '@/lib/versions/atom-feed';
import { arxivFixture } from './fixture';

describe('parseAtomFeed on the API manual’s examples', () => {
  it('reads the typical response exactly, taking the version from the alternate link', () => {
    expect(parseAtomFeed(arxivFixture('manual-typical-response.xml'))).toEqual({
      ok: true,
      feed: {
        totalResults: 1000,
        entries: [
          {
            arxivId: 'hep-ex/0307015',
            version: 1,
            updated: '2003-07-07T13:46:39-04:00',
            title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
          },
        ],
        apiErrors: [],
        invalidEntries: 0,
      },
    });
  });

  it('reads the error example as an API error, not as a paper', () => {
    expect(parseAtomFeed(arxivFixture('manual-error-response.xml'))).toEqual({
      ok: true,
      feed: {
        totalResults: 1,
        entries: [],
        apiErrors: [
          {
            id: 'http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345',
            message: 'incorrect id format for 1234.12345',
          },
        ],
        invalidEntries: 0,
      },
    });
  });

  it('reads a batch answer with a new-style v3 id next to the manual’s entry', () => {
    const result = parseAtomFeed(arxivFixture('batch-two-entries.xml'));
    expect(result.ok && result.feed.entries.map((e) => [e.arxivId, e.version, e.updated])).toEqual([
      ['hep-ex/0307015', 1, '2003-07-07T13:46:39-04:00'],
      ['2410.17243', 3, '2024-12-02T09:15:00Z'],
    ]);
    expect(result.ok && result.feed.entries[1]?.title).toBe(
      'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
    );
  });
});

describe('parseAtomFeed on other well-formed answers', () => {
  it('matches elements by namespace, whatever the prefixes (newer serializer), old-style ids included', () => {
    const result = parseAtomFeed(arxivFixture('modern-format.xml'));
    expect(result.ok && result.feed.totalResults).toBe(3);
    expect(result.ok && result.feed.entries.map((e) => `${e.arxivId}v${e.version}`)).toEqual([
      '2410.17243v3',
      'hep-th/9901001v2',
      'math/0309136v1',
    ]);
  });

  it('reads an empty feed as no entries', () => {
    expect(parseAtomFeed(arxivFixture('empty-feed.xml'))).toEqual({
      ok: true,
      feed: { totalResults: 0, entries: [], apiErrors: [], invalidEntries: 0 },
    });
  });

  it('keeps markup in a title as plain text and drops entries whose id is not an abs URL', () => {
    const result = parseAtomFeed(arxivFixture('hostile-title-injection.xml'));
    expect(result.ok && result.feed.entries).toEqual([
      {
        arxivId: 'hep-ex/0307015',
        version: 1,
        updated: '2003-07-07T13:46:39-04:00',
        title: '<img src=x onerror=alert(1)> <script>alert(2)</script> &lt;b&gt; bold',
      },
    ]);
    expect(result.ok && result.feed.invalidEntries).toBe(2);
  });

  it.each([
    ['no <id>', '<entry><updated>2024-12-02T09:15:00Z</updated><title>t</title></entry>'],
    [
      'no version anywhere',
      '<entry><id>http://arxiv.org/abs/2410.17243</id><updated>2024-12-02T09:15:00Z</updated></entry>',
    ],
    [
      'a date that is not RFC 3339',
      '<entry><id>http://arxiv.org/abs/2410.17243v2</id><updated>yesterday</updated></entry>',
    ],
    [
      'version 0',
      '<entry><id>http://arxiv.org/abs/2410.17243v0</id><updated>2024-12-02T09:15:00Z</updated></entry>',
    ],
    [
      'another host',
      '<entry><id>http://arxiv.org.evil.example/abs/2410.17243v2</id><updated>2024-12-02T09:15:00Z</updated></entry>',
    ],
  ])('counts an entry with %s as invalid', (_case, entry) => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">${entry}</feed>`;
    expect(parseAtomFeed(xml)).toEqual({ ok: true, feed: { entries: [], apiErrors: [], invalidEntries: 1 } });
  });

  it('accepts https ids and a link without rel as the alternate link (RFC 4287)', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>https://arxiv.org/abs/math/0309136</id><updated>2003-09-08T12:00:00Z</updated><title>t</title>
      <link href="https://arxiv.org/abs/math/0309136v4"/></entry></feed>`;
    const result = parseAtomFeed(xml);
    expect(result.ok && result.feed.entries).toEqual([
      { arxivId: 'math/0309136', version: 4, updated: '2003-09-08T12:00:00Z', title: 't' },
    ]);
  });
});

describe('parseAtomFeed on hostile or broken answers: an error, never a throw, never an expansion', () => {
  it.each([
    ['hostile-billion-laughs.xml', 'doctype'],
    ['hostile-external-entity.xml', 'doctype'],
    ['hostile-entity-without-doctype.xml', 'malformed'],
    ['hostile-not-xml.txt', 'malformed'],
    ['hostile-html-error.html', 'doctype'],
    ['hostile-xhtml-page.xml', 'not-atom'],
    ['hostile-truncated.xml', 'malformed'],
  ])('%s → %s', (name, kind) => {
    const result = parseAtomFeed(arxivFixture(name));
    expect(result.ok ? 'parsed' : result.error.kind).toBe(kind);
    // Nothing an entity would have produced reaches the result, not even in the message.
    expect(JSON.stringify(result)).not.toMatch(/lollol|root:|attacker/);
  });

  it('never expands an entity, even where a DOCTYPE is not involved', () => {
    const xml = arxivFixture('hostile-entity-without-doctype.xml');
    const result = parseAtomFeed(xml);
    expect(result).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(!result.ok && result.error.message).toMatch(/undefined entity/);
  });

  it.each([
    ['an empty body', ''],
    ['JSON', '{"error":"busy"}'],
    ['two roots', '<feed xmlns="http://www.w3.org/2005/Atom"/><feed xmlns="http://www.w3.org/2005/Atom"/>'],
    ['an RSS feed', '<rss version="2.0"><channel/></rss>'],
    ['a feed outside the Atom namespace', '<feed><entry/></feed>'],
    ['bytes that are not text', '\u0000\u0001\u0002'],
  ])('rejects %s', (_case, xml) => {
    expect(parseAtomFeed(xml).ok).toBe(false);
  });

  it('refuses an answer over the size cap before parsing it', () => {
    const xml = arxivFixture('manual-typical-response.xml');
    expect(parseAtomFeed(xml, xml.length - 1)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(parseAtomFeed(xml, xml.length).ok).toBe(true);
  });

  it('refuses a feed with more entries than any answer to us has', () => {
    const entry =
      '<entry><id>http://arxiv.org/abs/2410.17243v1</id><updated>2024-12-02T09:15:00Z</updated></entry>';
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">${entry.repeat(1001)}</feed>`;
    expect(parseAtomFeed(xml)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});
