/**
 * Every URL and page case for paper detection, as data: read by the unit tests
 * (tests/unit/detect.test.ts) and by the browser tests. URLs marked "peer" come from
 * tests/fixtures/urls/ (arxiv-utils' testcases.yaml and PaperMemory's urls.json).
 */
export interface PaperUrlCase {
  url: string;
  /** The expected paper key, or null when the page is not one paper (or not a venue we support). */
  key: string | null;
  version?: number;
  site?: string;
  /** A fixture page under tests/fixtures/pages/ to detect with, as if served at `url`. */
  page?: string;
  /** Expected title when `page` is set. */
  title?: string;
  /** Expected authors when `page` is set. */
  authors?: string[];
  note?: string;
}

const ARXIV_2003 = 'arxiv:2003.13678';
const NIPS_1987 = '523f87e9d08e6071a3bbd150e6da40fb';
const NIPS_2019 = '0234c510bc6d908b28c70ff313743079';
const NIPS_2021 = 'cba0a4ee5ccd02fda0fe3f9a3e7b89fe';
const NIPS_2022 = '93f250215e4889119807b6fac3a57aec';
const CVF = 'https://openaccess.thecvf.com';
const KARRAS =
  'Karras_A_Style-Based_Generator_Architecture_for_Generative_Adversarial_Networks_CVPR_2019_paper';
const CSPNET = 'Wang_CSPNet_A_New_Backbone_That_Can_Enhance_Learning_Capability_of_CVPRW_2020_paper';
const FU = 'Fu_Coupling_Vision_and_Proprioception_for_Navigation_of_Legged_Robots_CVPRW_2022_paper';
const DUNIT = 'Bhattacharjee_DUNIT_Detection-Based_Unsupervised_Image-to-Image_Translation_CVPR_2020_paper';
const SWIN = 'Liu_Swin_Transformer_Hierarchical_Vision_Transformer_Using_Shifted_Windows_ICCV_2021_paper';
const S2 = '204e3073870fae3d05bcbc2f6a8e263d9b72e776';
const BREAKING_AUTHORS = [
  'Zesen Cheng',
  'Hang Zhang',
  'Kehan Li',
  'Sicong Leng',
  'Zhiqiang Hu',
  'Fei Wu',
  'Deli Zhao',
  'Xin Li',
  'Lidong Bing',
];
const BREAKING = 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss';
const HOSTILE_TITLE =
  '<script>window.__injected = 1</script>LOGO -- Long cOntext aliGnment via efficient preference Optimization <img src=x onerror="window.__injected = 1">';

const arxiv = (url: string, id: string, extra: Partial<PaperUrlCase> = {}): PaperUrlCase => ({
  url,
  key: `arxiv:${id}`,
  site: 'arxiv',
  ...extra,
});
const none = (url: string, note?: string): PaperUrlCase => ({ url, key: null, ...(note ? { note } : {}) });

export const PAPER_URL_CASES: PaperUrlCase[] = [
  // arXiv, peer cases (arxiv-utils, PaperMemory)
  arxiv('https://arxiv.org/abs/2203.14206', '2203.14206', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/2203.14206', '2203.14206', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/1906.07413', '1906.07413', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/1906.07413', '1906.07413', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/2003.01367', '2003.01367', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/2003.01367', '2003.01367', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/1110.2832', '1110.2832', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/1110.2832', '1110.2832', { note: 'peer' }),
  arxiv('https://arxiv.org/ftp/arxiv/papers/1110/1110.2832.pdf', '1110.2832', { note: 'peer: ftp form' }),
  arxiv('https://arxiv.org/abs/2003.13678', '2003.13678', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/2003.13678', '2003.13678', { note: 'peer' }),
  arxiv('https://export.arxiv.org/abs/2003.13678', '2003.13678', { note: 'peer: export host' }),
  arxiv('https://export.arxiv.org/pdf/2003.13678', '2003.13678', { note: 'peer: export host' }),
  arxiv('https://www.arxiv.org/abs/2003.13678', '2003.13678', { note: 'peer: www host' }),
  arxiv('https://www.arxiv.org/pdf/2003.13678', '2003.13678', { note: 'peer: www host' }),
  arxiv('https://browse.arxiv.org/abs/2003.13678', '2003.13678', { note: 'browse host' }),
  arxiv('https://browse.arxiv.org/pdf/2003.13678', '2003.13678', { note: 'browse host' }),
  arxiv('https://arxiv.org/pdf/2003.13678.pdf', '2003.13678', { note: 'peer: .pdf' }),
  arxiv('https://arxiv.org/pdf/2003.13678/', '2003.13678', { note: 'peer: trailing slash' }),
  arxiv('https://arxiv.org/abs/2003.13678/', '2003.13678', { note: 'peer: trailing slash' }),
  arxiv('https://arxiv.org/pdf/2003.13678//', '2003.13678', { note: 'peer: trailing double slash' }),
  arxiv('https://arxiv.org/abs/2003.13678//', '2003.13678', { note: 'peer: trailing double slash' }),
  arxiv('http://arxiv.org/abs/2003.13678', '2003.13678', { note: 'peer: http' }),
  arxiv('http://arxiv.org/pdf/2003.13678', '2003.13678', { note: 'peer: http' }),
  arxiv('https://arxiv.org/abs/cs/9605103', 'cs/9605103', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/pdf/cs/9605103', 'cs/9605103', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/pdf/cs/9605103.pdf', 'cs/9605103', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/pdf/cs/9605103/', 'cs/9605103', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/abs/cs/9605103/', 'cs/9605103', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/abs/cond-mat/0408502', 'cond-mat/0408502', { note: 'peer: old id' }),
  arxiv('https://arxiv.org/ftp/cond-mat/papers/0408/0408502.pdf', 'cond-mat/0408502', {
    note: 'peer: old id, ftp form',
  }),
  arxiv('https://arxiv.org/abs/1512.03385?query#anchor', '1512.03385', { note: 'peer: query and fragment' }),
  arxiv('https://arxiv.org/pdf/1512.03385?query#anchor', '1512.03385', { note: 'peer: query and fragment' }),
  arxiv('https://arxiv.org/pdf/1512.03385', '1512.03385', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/2407.10603', '2407.10603', { note: 'peer' }),
  arxiv('https://arxiv.org/pdf/2407.10603', '2407.10603', { note: 'peer' }),
  arxiv('https://arxiv.org/html/2403.17537', '2403.17537', { note: 'peer: HTML' }),
  arxiv('https://arxiv.org/abs/2403.17537', '2403.17537', { note: 'peer' }),
  arxiv('https://arxiv.org/html/2503.11651v1', '2503.11651', { version: 1, note: 'peer: HTML, version' }),
  arxiv('https://arxiv.org/abs/2503.11651v1', '2503.11651', { version: 1, note: 'peer: version' }),
  arxiv('https://arxiv.org/abs/1703.10593', '1703.10593', { note: 'peer (PaperMemory)' }),
  arxiv('https://arxiv.org/pdf/1703.10593.pdf', '1703.10593', { note: 'peer (PaperMemory)' }),
  arxiv('https://ar5iv.labs.arxiv.org/html/1512.03385', '1512.03385', { note: 'peer: ar5iv' }),
  arxiv('https://arxiv.org/abs/1512.03385', '1512.03385', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/2408.00714', '2408.00714', { note: 'peer' }),
  arxiv('https://arxiv.org/abs/1706.03762', '1706.03762', { note: 'peer' }),

  // arXiv, tricky forms
  arxiv('https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001', { note: 'old id' }),
  arxiv('https://arxiv.org/abs/hep-th/9901001v2', 'hep-th/9901001', { version: 2, note: 'old id, version' }),
  arxiv('https://arxiv.org/pdf/hep-th/9901001v2.pdf', 'hep-th/9901001', { version: 2 }),
  arxiv('https://arxiv.org/abs/math.GT/0309136', 'math/0309136', { note: 'subject class dropped' }),
  arxiv('https://arxiv.org/abs/math.GT/0309136v1', 'math/0309136', { version: 1 }),
  arxiv('https://arxiv.org/pdf/math/0309136v1', 'math/0309136', { version: 1 }),
  arxiv('https://arxiv.org/abs/cond-mat.stat-mech/0408502', 'cond-mat/0408502', { note: 'hyphenated class' }),
  arxiv('https://arxiv.org/abs/2410.17243v2', '2410.17243', { version: 2 }),
  arxiv('https://arxiv.org/pdf/2410.17243v2', '2410.17243', { version: 2 }),
  arxiv('https://arxiv.org/pdf/2410.17243v2.pdf', '2410.17243', { version: 2 }),
  arxiv('https://arxiv.org/html/2410.17243v1/', '2410.17243', { version: 1 }),
  arxiv('https://arxiv.org/format/2410.17243', '2410.17243'),
  arxiv('https://arxiv.org/src/2410.17243v1', '2410.17243', { version: 1 }),
  arxiv('https://arxiv.org/abs/0704.0001', '0704.0001', { note: 'first new-style id' }),
  arxiv('https://ar5iv.org/abs/1512.03385', '1512.03385', { note: 'ar5iv' }),
  arxiv('https://ar5iv.org/html/1512.03385', '1512.03385', { note: 'ar5iv' }),

  // arXiv ids shown elsewhere
  { url: 'https://www.alphaxiv.org/abs/1706.03762', key: 'arxiv:1706.03762', site: 'alphaxiv', note: 'peer' },
  {
    url: 'https://www.alphaxiv.org/overview/1706.03762',
    key: 'arxiv:1706.03762',
    site: 'alphaxiv',
    note: 'peer',
  },
  {
    url: 'https://www.alphaxiv.org/replicate/1706.03762',
    key: 'arxiv:1706.03762',
    site: 'alphaxiv',
    note: 'peer',
  },
  {
    url: 'https://www.alphaxiv.org/audio/1706.03762',
    key: 'arxiv:1706.03762',
    site: 'alphaxiv',
    note: 'peer',
  },
  { url: 'https://alphaxiv.org/abs/2410.16251v1', key: 'arxiv:2410.16251', version: 1, site: 'alphaxiv' },
  {
    url: 'https://huggingface.co/papers/2408.00714',
    key: 'arxiv:2408.00714',
    site: 'huggingface',
    note: 'peer',
  },
  {
    url: 'https://huggingface.co/papers/2408.00714/?query#community',
    key: 'arxiv:2408.00714',
    site: 'huggingface',
    note: 'peer: trailing slash, query, fragment',
  },

  // OpenReview
  {
    url: 'https://openreview.net/forum?id=LcF-EEt8cCC',
    key: 'openreview:LcF-EEt8cCC',
    site: 'openreview',
    note: 'peer',
  },
  {
    url: 'https://openreview.net/pdf?id=LcF-EEt8cCC',
    key: 'openreview:LcF-EEt8cCC',
    site: 'openreview',
    note: 'peer',
  },
  {
    url: 'https://openreview.net/forum?id=LcF-EEt8cCC&referrer=[Author Console]',
    key: 'openreview:LcF-EEt8cCC',
    site: 'openreview',
    note: 'peer: extra parameters',
  },
  {
    url: 'https://openreview.net/forum?id=xQUe1pOKPam',
    key: 'openreview:xQUe1pOKPam',
    site: 'openreview',
    note: 'peer',
  },
  {
    url: 'https://openreview.net/pdf?id=xQUe1pOKPam',
    key: 'openreview:xQUe1pOKPam',
    site: 'openreview',
    note: 'peer',
  },
  {
    url: 'https://openreview.net/forum?id=xQUe1pOKPam&noteId=b3xOPnN6Xw',
    key: 'openreview:xQUe1pOKPam',
    site: 'openreview',
    note: 'noteId names a reply, not the paper',
  },
  {
    url: 'https://openreview.net/pdf?id=xQUe1pOKPam&referrer=%5Bthe%20profile%5D',
    key: 'openreview:xQUe1pOKPam',
    site: 'openreview',
  },

  // ACL Anthology
  {
    url: 'https://aclanthology.org/2020.acl-main.405',
    key: 'acl:2020.acl-main.405',
    site: 'acl',
    note: 'peer',
  },
  {
    url: 'https://aclanthology.org/2020.acl-main.405.pdf',
    key: 'acl:2020.acl-main.405',
    site: 'acl',
    note: 'peer',
  },
  { url: 'https://aclanthology.org/N19-1423/', key: 'acl:N19-1423', site: 'acl', note: 'peer: old id' },
  { url: 'https://aclanthology.org/N19-1423.pdf', key: 'acl:N19-1423', site: 'acl', note: 'peer: old id' },
  {
    url: 'https://aclanthology.org/2024.acl-long.800/',
    key: 'acl:2024.acl-long.800',
    site: 'acl',
    note: 'peer',
  },
  {
    url: 'https://aclanthology.org/2024.acl-long.800.pdf',
    key: 'acl:2024.acl-long.800',
    site: 'acl',
    note: 'peer',
  },
  { url: 'https://aclanthology.org/P19-1001/', key: 'acl:P19-1001', site: 'acl' },
  {
    url: 'https://aclanthology.org/p19-1001.pdf',
    key: 'acl:P19-1001',
    site: 'acl',
    note: 'old id written lower-case',
  },
  { url: 'https://aclanthology.org/2021.findings-acl.1/', key: 'acl:2021.findings-acl.1', site: 'acl' },

  // bioRxiv and medRxiv
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.11.08.467690v2',
    key: 'doi:10.1101/2021.11.08.467690',
    version: 2,
    site: 'biorxiv',
    note: 'peer',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.11.08.467690v2.full.pdf',
    key: 'doi:10.1101/2021.11.08.467690',
    version: 2,
    site: 'biorxiv',
    note: 'peer',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1',
    key: 'doi:10.1101/2021.08.03.454978',
    version: 1,
    site: 'biorxiv',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1.full',
    key: 'doi:10.1101/2021.08.03.454978',
    version: 1,
    site: 'biorxiv',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1.full.pdf',
    key: 'doi:10.1101/2021.08.03.454978',
    version: 1,
    site: 'biorxiv',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1.pdf',
    key: 'doi:10.1101/2021.08.03.454978',
    version: 1,
    site: 'biorxiv',
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978',
    key: 'doi:10.1101/2021.08.03.454978',
    site: 'biorxiv',
    note: 'no version: the latest',
  },
  {
    url: 'https://www.medrxiv.org/content/10.1101/2020.03.16.20036145v1.full',
    key: 'doi:10.1101/2020.03.16.20036145',
    version: 1,
    site: 'medrxiv',
  },
  {
    url: 'https://www.medrxiv.org/content/10.1101/2020.03.16.20036145v1.full.pdf',
    key: 'doi:10.1101/2020.03.16.20036145',
    version: 1,
    site: 'medrxiv',
  },

  // Semantic Scholar
  {
    url: `https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/${S2}`,
    key: `s2:${S2}`,
    site: 'semanticscholar',
  },
  { url: `https://www.semanticscholar.org/paper/${S2}`, key: `s2:${S2}`, site: 'semanticscholar' },
  { url: `https://www.semanticscholar.org/reader/${S2}`, key: `s2:${S2}`, site: 'semanticscholar' },

  // PMLR
  {
    url: 'https://proceedings.mlr.press/v139/sun21c.html',
    key: 'pmlr:v139/sun21c',
    site: 'pmlr',
    note: 'peer',
  },
  {
    url: 'https://proceedings.mlr.press/v139/sun21c',
    key: 'pmlr:v139/sun21c',
    site: 'pmlr',
    note: 'peer: no .html',
  },
  {
    url: 'https://proceedings.mlr.press/v139/sun21c/sun21c.pdf',
    key: 'pmlr:v139/sun21c',
    site: 'pmlr',
    note: 'peer',
  },
  {
    url: 'https://proceedings.mlr.press/v139/sun21c/sun21c-supp.pdf',
    key: 'pmlr:v139/sun21c',
    site: 'pmlr',
    note: 'peer: supplement',
  },
  {
    url: 'https://proceedings.mlr.press/v130/husain21a.html',
    key: 'pmlr:v130/husain21a',
    site: 'pmlr',
    note: 'peer',
  },
  {
    url: 'https://proceedings.mlr.press/v130/husain21a/husain21a.pdf',
    key: 'pmlr:v130/husain21a',
    site: 'pmlr',
    note: 'peer',
  },

  // NeurIPS: every host alias, old and new paths, every file of one paper
  ...['papers.nips.cc', 'papers.neurips.cc', 'proceedings.nips.cc', 'proceedings.neurips.cc'].flatMap(
    (host) => [
      {
        url: `https://${host}/paper_files/paper/1987/hash/${NIPS_1987}-Abstract.html`,
        key: `neurips:${NIPS_1987}`,
        site: 'neurips',
        note: 'peer',
      },
      {
        url: `https://${host}/paper_files/paper/1987/file/${NIPS_1987}-Paper.pdf`,
        key: `neurips:${NIPS_1987}`,
        site: 'neurips',
        note: 'peer',
      },
    ],
  ),
  ...[
    'Abstract.html',
    'Paper.pdf',
    'Reviews.html',
    'Metadata.json',
    'MetaReview.html',
    'AuthorFeedback.pdf',
  ].map((file) => ({
    url: `https://papers.nips.cc/paper_files/paper/2019/${file.startsWith('Abstract') ? 'hash' : 'file'}/${NIPS_2019}-${file}`,
    key: `neurips:${NIPS_2019}`,
    site: 'neurips',
    note: 'peer',
  })),
  ...['hash/X-Abstract.html', 'file/X-Paper.pdf', 'file/X-Supplemental.pdf'].map((file) => ({
    url: `https://papers.nips.cc/paper_files/paper/2021/${file.replace('X', NIPS_2021)}`,
    key: `neurips:${NIPS_2021}`,
    site: 'neurips',
    note: 'peer',
  })),
  {
    url: `https://papers.nips.cc/paper_files/paper/2022/hash/${NIPS_2022}-Abstract-Conference.html`,
    key: `neurips:${NIPS_2022}`,
    site: 'neurips',
    note: 'peer: track suffix',
  },
  {
    url: `https://papers.nips.cc/paper_files/paper/2022/file/${NIPS_2022}-Paper-Conference.pdf`,
    key: `neurips:${NIPS_2022}`,
    site: 'neurips',
    note: 'peer: track suffix',
  },
  {
    url: 'https://proceedings.neurips.cc/paper/2019/hash/0118a063b4aae95277f0bc1752c75abf-Abstract.html',
    key: 'neurips:0118a063b4aae95277f0bc1752c75abf',
    site: 'neurips',
    note: 'peer: old path',
  },
  {
    url: 'https://proceedings.neurips.cc/paper/2019/file/0118a063b4aae95277f0bc1752c75abf-Paper.pdf',
    key: 'neurips:0118a063b4aae95277f0bc1752c75abf',
    site: 'neurips',
    note: 'peer: old path',
  },
  {
    url: 'https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html',
    key: 'neurips:3f5ee243547dee91fbd053c1c4a845aa',
    site: 'neurips',
    note: 'old path',
  },
  {
    url: 'https://papers.nips.cc/paper/2017/file/3f5ee243547dee91fbd053c1c4a845aa-Paper.pdf',
    key: 'neurips:3f5ee243547dee91fbd053c1c4a845aa',
    site: 'neurips',
    note: 'old path',
  },

  // CVF Open Access
  { url: `${CVF}/content_CVPR_2019/html/${KARRAS}.html`, key: `cvf:${KARRAS}`, site: 'cvf', note: 'peer' },
  { url: `${CVF}/content_CVPR_2019/papers/${KARRAS}.pdf`, key: `cvf:${KARRAS}`, site: 'cvf', note: 'peer' },
  { url: `${CVF}/content_CVPR_2020/html/${DUNIT}.html`, key: `cvf:${DUNIT}`, site: 'cvf', note: 'peer' },
  { url: `${CVF}/content_CVPR_2020/papers/${DUNIT}.pdf`, key: `cvf:${DUNIT}`, site: 'cvf', note: 'peer' },
  {
    url: `${CVF}/content_CVPRW_2020/html/w28/${CSPNET}.html`,
    key: `cvf:${CSPNET}`,
    site: 'cvf',
    note: 'peer: workshop with underscore',
  },
  {
    url: `${CVF}/content_CVPRW_2020/papers/w28/${CSPNET}.pdf`,
    key: `cvf:${CSPNET}`,
    site: 'cvf',
    note: 'peer: workshop with underscore',
  },
  {
    url: `${CVF}/content/CVPR2022W/VOCVALC/html/${FU}.html`,
    key: `cvf:${FU}`,
    site: 'cvf',
    note: 'peer: workshop with slash',
  },
  {
    url: `${CVF}/content/CVPR2022W/VOCVALC/papers/${FU}.pdf`,
    key: `cvf:${FU}`,
    site: 'cvf',
    note: 'peer: workshop with slash',
  },
  { url: `${CVF}/content/ICCV2021/html/${SWIN}.html`, key: `cvf:${SWIN}`, site: 'cvf' },
  { url: `${CVF}/content/ICCV2021/papers/${SWIN}.pdf`, key: `cvf:${SWIN}`, site: 'cvf' },

  // Venues PaperPulse does not support: nothing from the URL alone
  none('https://www.jmlr.org/papers/v12/pedregosa11a.html', 'peer: JMLR'),
  none('https://www.jmlr.org/papers/volume12/pedregosa11a/pedregosa11a.pdf', 'peer: JMLR'),
  none('https://ieeexplore.ieee.org/document/10412086', 'peer: IEEE'),
  none('https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10412086&tag=1', 'peer: IEEE'),
  none('https://dl.acm.org/doi/10.5555/3491440.3491756', 'peer: ACM'),
  none('https://dl.acm.org/doi/pdf/10.5555/3491440.3491756', 'peer: ACM'),
  none('https://www.nature.com/articles/s41467-018-07210-0', 'peer: Nature'),
  none('https://www.nature.com/articles/s41467-018-07210-0.pdf', 'peer: Nature'),
  none('https://link.springer.com/article/10.1007/s41095-022-0271-y', 'peer: Springer'),
  none('https://journals.plos.org/climate/article?id=10.1371/journal.pclm.0000068', 'peer: PLOS'),
  none('https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7249434', 'peer: PMC'),

  // Not papers
  none('https://arxiv.org/'),
  none('https://arxiv.org/list/cs.LG/new'),
  none('https://arxiv.org/list/cs.LG/recent'),
  none('https://arxiv.org/list/hep-th/pastweek?show=25'),
  none('https://arxiv.org/catchup/cs.LG/2024-10-25'),
  none('https://arxiv.org/search/?query=contrastive&searchtype=all'),
  none('https://arxiv.org/a/cheng_z_1'),
  none('https://arxiv.org/abs/'),
  none('https://arxiv.org/abs/not-an-id'),
  none('https://arxiv.org/abs/2413.00001', 'month 13'),
  none('https://arxiv.org/abs/2410.1724', 'four digits after 1501'),
  none('https://arxiv.org/abs/1412.00001', 'five digits before 1501'),
  none('https://arxiv.org/abs/2410.17243v0', 'no version 0'),
  none('https://huggingface.co/papers'),
  none('https://huggingface.co/papers/date/2024-10-25'),
  none('https://huggingface.co/papers/trending'),
  none('https://huggingface.co/papers/week/2024-W43'),
  none('https://huggingface.co/papers/month/2024-10'),
  none('https://huggingface.co/2410.17243'),
  none('https://huggingface.co/datasets/2410.17243'),
  none('https://www.alphaxiv.org/'),
  none('https://www.alphaxiv.org/explore'),
  none('https://openreview.net/'),
  none('https://openreview.net/group?id=ICLR.cc/2024/Conference'),
  none('https://openreview.net/profile?id=~Yoshua_Bengio1'),
  none('https://openreview.net/forum'),
  none('https://openreview.net/forum?noteId=xQUe1pOKPam'),
  none('https://aclanthology.org/'),
  none('https://aclanthology.org/events/acl-2020/'),
  none('https://aclanthology.org/volumes/2020.acl-main/'),
  none('https://aclanthology.org/people/j/jacob-devlin/'),
  none('https://www.biorxiv.org/'),
  none('https://www.biorxiv.org/collection/bioinformatics'),
  none('https://www.medrxiv.org/search/covid'),
  none('https://www.semanticscholar.org/'),
  none('https://www.semanticscholar.org/search?q=attention'),
  none('https://www.semanticscholar.org/author/Ashish-Vaswani/40348417'),
  none('https://proceedings.mlr.press/'),
  none('https://proceedings.mlr.press/v139/'),
  none('https://proceedings.neurips.cc/paper_files/paper/2022'),
  none('https://papers.nips.cc/'),
  none('https://openaccess.thecvf.com/CVPR2020'),
  none('https://openaccess.thecvf.com/menu'),
  none('https://example.com/abs/2410.17243', 'an arXiv-like path on another host'),

  // With the page itself (fixtures in tests/fixtures/pages/)
  arxiv('https://arxiv.org/abs/2410.17243', '2410.17243', {
    page: 'arxiv-abs-2410.17243.html',
    title: BREAKING,
    authors: BREAKING_AUTHORS,
    note: 'citation_author "Last, First"; hard-wrapped citation_title',
  }),
  arxiv('https://arxiv.org/abs/2410.17243v1', '2410.17243', {
    version: 1,
    page: 'arxiv-abs-2410.17243.html',
    title: BREAKING,
    authors: BREAKING_AUTHORS,
  }),
  arxiv('https://arxiv.org/abs/2403.02310', '2403.02310', {
    page: 'arxiv-abs-2403.02310.html',
    title: 'Taming Throughput-Latency Tradeoff in LLM Inference with Sarathi-Serve',
    authors: [
      'Amey Agrawal',
      'Nitin Kedia',
      'Ashish Panwar',
      'Jayashree Mohan',
      'Nipun Kwatra',
      'Bhargav S. Gulavani',
      'Alexey Tumanov',
      'Ramachandran Ramjee',
    ],
    note: 'chunked-prefill LLM serving (seed listing)',
  }),
  arxiv('https://arxiv.org/abs/2410.18533', '2410.18533', {
    page: 'arxiv-abs-hostile.html',
    title: HOSTILE_TITLE,
    note: 'hostile: markup is returned as text; real scripts set window.__pwned, text payloads window.__injected',
  }),
  { url: 'https://arxiv.org/list/cs.LG/new', key: null, page: 'arxiv-list-cs.LG-new.html', note: 'listing' },
  {
    url: 'https://arxiv.org/search/?query=batch+size&searchtype=all',
    key: null,
    page: 'arxiv-abs-2410.17243.html',
    note: 'not a paper: a known host decides by URL, whatever citation_* tags the page carries',
  },
  {
    url: 'https://openreview.net/group?id=ICLR.cc/2022/Conference',
    key: null,
    page: 'openreview-forum-LcF-EEt8cCC.html',
    note: 'not a paper: a venue page of a single-page app, its tags still those of a paper viewed before',
  },
  {
    url: 'https://aclanthology.org/events/naacl-2019/',
    key: null,
    page: 'acl-N19-1423.html',
    note: 'not a paper: an event page',
  },
  {
    url: 'https://huggingface.co/papers/2410.17243',
    key: 'arxiv:2410.17243',
    site: 'huggingface',
    page: 'hf-paper-2410.17243.html',
    title: BREAKING,
    authors: BREAKING_AUTHORS,
  },
  {
    url: 'https://huggingface.co/papers/date/2024-10-25',
    key: null,
    page: 'hf-papers-date-2024-10-25.html',
    note: 'listing',
  },
  {
    url: 'https://www.alphaxiv.org/overview/2410.16251',
    key: 'arxiv:2410.16251',
    site: 'alphaxiv',
    page: 'alphaxiv-2410.16251.html',
    title: 'Can Knowledge Editing Really Correct Hallucinations?',
  },
  {
    url: 'https://openreview.net/forum?id=LcF-EEt8cCC',
    key: 'openreview:LcF-EEt8cCC',
    site: 'openreview',
    page: 'openreview-forum-LcF-EEt8cCC.html',
    title: 'Denoising Likelihood Score Matching for Conditional Score-based Data Generation',
    authors: [
      'Chen-Hao Chao',
      'Wei-Fang Sun',
      'Bo-Wun Cheng',
      'Yi-Chen Lo',
      'Chia-Che Chang',
      'Yu-Lun Liu',
      'Yu-Lin Chang',
      'Chia-Ping Chen',
      'Chun-Yi Lee',
    ],
    note: 'citation_author "First Last"',
  },
  {
    url: 'https://aclanthology.org/N19-1423/',
    key: 'acl:N19-1423',
    site: 'acl',
    page: 'acl-N19-1423.html',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
  },
  {
    url: 'https://www.biorxiv.org/content/10.1101/2021.08.03.454978v1',
    key: 'doi:10.1101/2021.08.03.454978',
    version: 1,
    site: 'biorxiv',
    page: 'biorxiv-2021.08.03.454978v1.html',
    title: 'Fixture Preprint for the bioRxiv Detector (synthetic title)',
    authors: ['Ada Example', 'Ben Sample'],
  },
  {
    url: `https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/${S2}`,
    key: `s2:${S2}`,
    site: 'semanticscholar',
    page: 'semanticscholar-paper.html',
    title: 'Attention is All you Need',
  },
  {
    url: 'https://proceedings.mlr.press/v139/sun21c.html',
    key: 'pmlr:v139/sun21c',
    site: 'pmlr',
    page: 'pmlr-v139-sun21c.html',
    title:
      'DFAC Framework: Factorizing the Value Function via Quantile Mixture for Multi-Agent Distributional Q-Learning',
    authors: ['Wei-Fang Sun', 'Cheng-Kuang Lee', 'Chun-Yi Lee'],
  },
  {
    url: `https://papers.nips.cc/paper_files/paper/2019/hash/${NIPS_2019}-Abstract.html`,
    key: `neurips:${NIPS_2019}`,
    site: 'neurips',
    page: 'neurips-2019-abstract.html',
    title: 'Improved Precision and Recall Metric for Assessing Generative Models',
    authors: ['Tuomas Kynkäänniemi', 'Tero Karras', 'Samuli Laine', 'Jaakko Lehtinen', 'Timo Aila'],
  },
  {
    url: `${CVF}/content_CVPR_2019/html/${KARRAS}.html`,
    key: `cvf:${KARRAS}`,
    site: 'cvf',
    page: 'cvf-cvpr2019-karras.html',
    title: 'A Style-Based Generator Architecture for Generative Adversarial Networks',
    authors: ['Tero Karras', 'Samuli Laine', 'Timo Aila'],
  },
  {
    url: 'https://journals.example.org/article/10.5555/pp.2024.0001',
    key: 'doi:10.5555/pp.2024.0001',
    site: 'meta',
    page: 'journal-one-doi.html',
    title: 'A Worked Example of One Paper on One Page',
    authors: ['Ada Example', 'Ben Sample'],
    note: 'generic reader: one DOI written three ways; made-up host',
  },
  {
    url: 'https://journals.example.org/issue/12',
    key: null,
    page: 'journal-two-dois.html',
    note: 'two different DOIs: not one paper',
  },
  {
    url: 'https://journals.example.org/article/link-only',
    key: null,
    page: 'journal-doi-in-link-only.html',
    note: 'DOIs only in links are never read',
  },
  {
    url: 'https://preprints.example.org/paper/17',
    key: 'arxiv:2308.16369',
    site: 'meta',
    page: 'meta-arxiv-id-2308.16369.html',
    title: 'SARATHI: Efficient LLM Inference by Piggybacking Decodes with Chunked Prefills',
    note: 'generic reader: no DOI, citation_arxiv_id',
  },
];

/** Abstract and PDF URL of one paper, from the peer files: both must give the same key. */
export const ABSTRACT_PDF_PAIRS: [abs: string, pdf: string][] = [
  ['https://arxiv.org/abs/2203.14206', 'https://arxiv.org/pdf/2203.14206'],
  ['https://arxiv.org/abs/1110.2832', 'https://arxiv.org/ftp/arxiv/papers/1110/1110.2832.pdf'],
  ['https://arxiv.org/abs/1110.2832', 'https://arxiv.org/pdf/1110.2832'],
  ['https://arxiv.org/abs/2003.13678', 'https://export.arxiv.org/pdf/2003.13678'],
  ['https://export.arxiv.org/abs/2003.13678', 'https://arxiv.org/pdf/2003.13678'],
  ['https://arxiv.org/abs/2003.13678', 'https://www.arxiv.org/pdf/2003.13678'],
  ['https://www.arxiv.org/abs/2003.13678', 'https://arxiv.org/pdf/2003.13678'],
  ['https://arxiv.org/abs/2003.13678', 'https://arxiv.org/pdf/2003.13678.pdf'],
  ['https://arxiv.org/abs/2003.13678/', 'https://arxiv.org/pdf/2003.13678//'],
  ['http://arxiv.org/abs/2003.13678', 'http://arxiv.org/pdf/2003.13678'],
  ['https://arxiv.org/abs/cs/9605103', 'https://arxiv.org/pdf/cs/9605103.pdf'],
  ['https://arxiv.org/abs/cond-mat/0408502', 'https://arxiv.org/ftp/cond-mat/papers/0408/0408502.pdf'],
  ['https://arxiv.org/abs/1512.03385?query#anchor', 'https://arxiv.org/pdf/1512.03385?query#anchor'],
  ['https://ar5iv.labs.arxiv.org/html/1512.03385', 'https://arxiv.org/pdf/1512.03385'],
  ['https://huggingface.co/papers/2408.00714', 'https://arxiv.org/pdf/2408.00714'],
  ['https://www.alphaxiv.org/overview/1706.03762', 'https://arxiv.org/pdf/1706.03762'],
  ['https://arxiv.org/html/2503.11651v1', 'https://arxiv.org/pdf/2503.11651v1'],
  ['https://arxiv.org/abs/1703.10593', 'https://arxiv.org/pdf/1703.10593.pdf'],
  ['https://openreview.net/forum?id=LcF-EEt8cCC', 'https://openreview.net/pdf?id=LcF-EEt8cCC'],
  ['https://openreview.net/forum?id=xQUe1pOKPam', 'https://openreview.net/pdf?id=xQUe1pOKPam'],
  ['https://aclanthology.org/2020.acl-main.405', 'https://aclanthology.org/2020.acl-main.405.pdf'],
  ['https://aclanthology.org/N19-1423/', 'https://aclanthology.org/N19-1423.pdf'],
  ['https://aclanthology.org/2024.acl-long.800/', 'https://aclanthology.org/2024.acl-long.800.pdf'],
  [
    'https://www.biorxiv.org/content/10.1101/2021.11.08.467690v2',
    'https://www.biorxiv.org/content/10.1101/2021.11.08.467690v2.full.pdf',
  ],
  ['https://proceedings.mlr.press/v139/sun21c.html', 'https://proceedings.mlr.press/v139/sun21c/sun21c.pdf'],
  [
    'https://proceedings.mlr.press/v130/husain21a.html',
    'https://proceedings.mlr.press/v130/husain21a/husain21a.pdf',
  ],
  [
    `https://papers.nips.cc/paper_files/paper/1987/hash/${NIPS_1987}-Abstract.html`,
    `https://papers.nips.cc/paper_files/paper/1987/file/${NIPS_1987}-Paper.pdf`,
  ],
  [
    `https://proceedings.neurips.cc/paper_files/paper/1987/hash/${NIPS_1987}-Abstract.html`,
    `https://proceedings.neurips.cc/paper_files/paper/1987/file/${NIPS_1987}-Paper.pdf`,
  ],
  [
    `https://papers.nips.cc/paper_files/paper/2019/hash/${NIPS_2019}-Abstract.html`,
    `https://papers.nips.cc/paper_files/paper/2019/file/${NIPS_2019}-Paper.pdf`,
  ],
  [
    `https://papers.nips.cc/paper_files/paper/2021/hash/${NIPS_2021}-Abstract.html`,
    `https://papers.nips.cc/paper_files/paper/2021/file/${NIPS_2021}-Paper.pdf`,
  ],
  [
    `https://papers.nips.cc/paper_files/paper/2022/hash/${NIPS_2022}-Abstract-Conference.html`,
    `https://papers.nips.cc/paper_files/paper/2022/file/${NIPS_2022}-Paper-Conference.pdf`,
  ],
  [
    'https://proceedings.neurips.cc/paper/2019/hash/0118a063b4aae95277f0bc1752c75abf-Abstract.html',
    'https://proceedings.neurips.cc/paper/2019/file/0118a063b4aae95277f0bc1752c75abf-Paper.pdf',
  ],
  [`${CVF}/content_CVPR_2019/html/${KARRAS}.html`, `${CVF}/content_CVPR_2019/papers/${KARRAS}.pdf`],
  [`${CVF}/content_CVPR_2020/html/${DUNIT}.html`, `${CVF}/content_CVPR_2020/papers/${DUNIT}.pdf`],
  [`${CVF}/content_CVPRW_2020/html/w28/${CSPNET}.html`, `${CVF}/content_CVPRW_2020/papers/w28/${CSPNET}.pdf`],
  [`${CVF}/content/CVPR2022W/VOCVALC/html/${FU}.html`, `${CVF}/content/CVPR2022W/VOCVALC/papers/${FU}.pdf`],
];
