/**
 * The requests a run makes: which ids go together, and the URL for each batch. Pure.
 * arXiv's rules (API User's Manual, §3.1.1 and §3.1.1.2): `id_list` is a comma-delimited list,
 * `max_results` defaults to 10 so it must be set to the batch size, and callers that make several
 * calls in a row should wait 3 seconds between them.
 */

export const API_QUERY_URL = 'https://export.arxiv.org/api/query';
/**
 * The most ids one request carries. The manual sets no limit on `id_list`, but asks for small
 * slices of results ("Large result sets put considerable load on the server"); 100 keeps each
 * answer to a few hundred KB.
 */
export const MAX_PER_REQUEST = 100;

/**
 * `id_list` keeps `/` and `,` literal: the manual writes `id_list=cond-mat/0207270` and the server
 * splits the list on `,` (arxiv-search, classic_api `id_list.split(",")`); `/` is legal in a query
 * (RFC 3986 §3.4). Everything else is percent-encoded, so a malformed id can never add a parameter.
 */
export function queryUrl(ids: readonly string[]): string {
  const list = ids.map((id) => encodeURIComponent(id).replaceAll('%2F', '/')).join(',');
  return `${API_QUERY_URL}?id_list=${list}&max_results=${ids.length}`;
}

export interface BatchPlan {
  batches: string[][];
  /** Ids left for another day because the run's request budget is spent. */
  deferred: string[];
}

/**
 * Unique ids, sorted, cut into batches of `maxPerRequest`, at most `maxRequests` of them. When the
 * library is larger than one run's budget, `rotation` (the caller passes the day number) picks a
 * different window each day, so every paper is checked within ⌈ids / budget⌉ days instead of the
 * same ones always.
 */
export function planBatches(
  ids: readonly string[],
  maxPerRequest: number,
  maxRequests: number,
  rotation = 0,
): BatchPlan {
  const unique = [...new Set(ids)].sort();
  const perRequest = Math.max(1, Math.floor(maxPerRequest));
  const capacity = perRequest * Math.max(0, Math.floor(maxRequests));
  let ordered = unique;
  if (unique.length > capacity && capacity > 0) {
    const start = (((Math.floor(rotation) * capacity) % unique.length) + unique.length) % unique.length;
    ordered = [...unique.slice(start), ...unique.slice(0, start)];
  }
  const chosen = ordered.slice(0, capacity);
  const batches: string[][] = [];
  for (let i = 0; i < chosen.length; i += perRequest) batches.push(chosen.slice(i, i + perRequest));
  return { batches, deferred: ordered.slice(capacity) };
}
