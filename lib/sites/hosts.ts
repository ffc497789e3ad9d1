/**
 * Where the content script runs. Kept to the sites PaperPulse knows (no `<all_urls>`). The
 * generic citation_* reader serves URL-only and popup paths; every host here has its own detector.
 */
export const CONTENT_SCRIPT_MATCHES = [
  'https://arxiv.org/*',
  'https://www.arxiv.org/*',
  'https://export.arxiv.org/*',
  'https://browse.arxiv.org/*',
  'https://ar5iv.labs.arxiv.org/*',
  'https://ar5iv.org/*',
  'https://www.alphaxiv.org/*',
  'https://alphaxiv.org/*',
  'https://huggingface.co/papers*',
  'https://openreview.net/*',
  'https://aclanthology.org/*',
  'https://www.biorxiv.org/*',
  'https://biorxiv.org/*',
  'https://www.medrxiv.org/*',
  'https://medrxiv.org/*',
  'https://www.semanticscholar.org/*',
  'https://proceedings.mlr.press/*',
  'https://papers.nips.cc/*',
  'https://proceedings.nips.cc/*',
  'https://papers.neurips.cc/*',
  'https://proceedings.neurips.cc/*',
  'https://openaccess.thecvf.com/*',
];
