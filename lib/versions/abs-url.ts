/**
 * The URLs arXiv's Atom answers carry, and the one we link to. Ids are taken as canonical strings
 * (`2410.17243`, `math/0309136`): this module splits a URL, it does not judge whether an id is
 * well formed (that rule lives with the detectors; the caller passes ids it has already
 * canonicalised).
 */

/**
 * `<id>` of an entry: `http://arxiv.org/abs/2410.17243v3`, `http://arxiv.org/abs/hep-th/9901001v2`.
 * The classic API writes http, arxiv-search's serializer rewrites ids to http as well but links
 * to https (github.com/arXiv/arxiv-search, search/serialize/atom.py); accept both. The id part is
 * limited to the characters canonical ids use, so nothing like `?`, `&` or `<` survives into
 * an id we compare or store. The manual's own example has no version in its `<id>`
 * (`http://arxiv.org/abs/hep-ex/0307015`); the caller then reads it from the alternate link.
 */
const ABS_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\/([A-Za-z0-9./-]+?)(?:v([1-9][0-9]{0,3}))?$/;

/** An error entry's `<id>`: `http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345`. */
const API_ERROR_ID = /^https?:\/\/arxiv\.org\/api\/errors(?:#|$)/;

export interface AbsRef {
  arxivId: string;
  /** Absent when the URL names the paper without a version. */
  version?: number;
}

export function parseAbsUrl(url: string): AbsRef | undefined {
  const match = ABS_URL.exec(url.trim());
  if (!match?.[1]) return undefined;
  return match[2] ? { arxivId: match[1], version: Number(match[2]) } : { arxivId: match[1] };
}

export function isApiErrorId(id: string): boolean {
  return API_ERROR_ID.test(id.trim());
}

/**
 * Where "v3 available" links: the abstract page of that version. Every abs page carries the
 * "Submission history" block listing each version with its date and size, the shown one in bold
 * (arxiv-browse, browse/templates/abs/abs.html, `div.submission-history`; it has no anchor to
 * jump to), and the version's own abstract and comments, where authors usually say what changed.
 * The versioned URL keeps pointing at the version the alert was about once a v4 appears.
 */
export function versionPageUrl(arxivId: string, version: number): string {
  return `https://arxiv.org/abs/${arxivId}v${version}`;
}
