// Citation.js ships no type declarations; the tests use it only as an independent reader of what
// lib/library/export writes (BibTeX, RIS, CSL-JSON).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
