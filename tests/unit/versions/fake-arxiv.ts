/** Test doubles for the version check's world: a clock whose sleep records gaps, and arXiv's API. */

export function fakeClock(start: number) {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
  };
}

export interface SeenRequest {
  url: string;
  ids: string[];
  maxResults: string | null;
  startedAt: number;
  init: RequestInit | undefined;
}

/**
 * A `fetch` standing in for export.arxiv.org: records each request (with the fake clock's time)
 * and answers with `respond(ids, index)`. Tracks how many requests overlap.
 */
export function fakeArxiv(
  respond: (ids: string[], index: number) => Response | Promise<Response>,
  clock: { now: () => number },
) {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const ids = (url.searchParams.get('id_list') ?? '').split(',');
    requests.push({
      url: String(input),
      ids,
      maxResults: url.searchParams.get('max_results'),
      startedAt: clock.now(),
      init,
    });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // A turn of the event loop, so overlapping requests would show in maxInFlight.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return await respond(ids, requests.length - 1);
    } finally {
      inFlight--;
    }
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    maxInFlight: () => maxInFlight,
  };
}

/** An answer in the manual's shape listing `entries` (`2410.17243v3` style strings). */
export function atomFeed(entries: readonly string[]): string {
  const body = entries
    .map((idWithVersion) =>
      [
        '  <entry>',
        `    <id>http://arxiv.org/abs/${idWithVersion}</id>`,
        '    <updated>2024-12-02T09:15:00Z</updated>',
        `    <title>Paper ${idWithVersion}</title>`,
        '  </entry>',
      ].join('\n'),
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <opensearch:totalResults>${entries.length}</opensearch:totalResults>
${body}
</feed>
`;
}

/** An Atom error answer like the manual's §3.4 example. */
export function atomError(fragment: string, message: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#${fragment}</id>
    <title>Error</title>
    <summary>${message}</summary>
    <updated>2007-10-12T00:00:00-04:00</updated>
  </entry>
</feed>
`;
}

export const atomResponse = (xml: string, init: ResponseInit = {}) =>
  new Response(xml, { status: 200, headers: { 'content-type': 'application/atom+xml' }, ...init });

/** `count` distinct new-style ids, `2411.00000` on. */
export const ids = (count: number, first = 0) =>
  Array.from({ length: count }, (_, i) => `2411.${String(first + i).padStart(5, '0')}`);
