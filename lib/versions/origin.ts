/**
 * The optional host permission version alerts need: arXiv's API. Its own file, so the options
 * page and the manifest can name it without loading the Atom parser.
 */
export const ARXIV_API_ORIGIN = 'https://export.arxiv.org/*';
