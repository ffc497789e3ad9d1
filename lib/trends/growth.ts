/**
 * How much a topic grew: its share of this week's papers (and of their upvotes) against its share
 * of the weeks before, in the cached window.
 *
 * Raw shares make noise look like news: a topic with two papers this week and none before has
 * "infinite" growth. Two guards, both standard for comparing small counts:
 * - Smoothing: each topic gets `PRIOR_PAPERS` imaginary papers spread over the two periods in
 *   proportion to their sizes, a prior of "no change" that a few papers cannot overturn but
 *   twenty can;
 * - A lower confidence bound: the score is the log growth minus `Z` standard errors, with the
 *   error of a log ratio of counts (Katz et al. 1978): √(1/a + 1/c) for the smoothed topic counts
 *   a (this week) and c (before). Fewer papers, wider error, lower score.
 * Upvotes enter through each paper's log(1 + upvotes), so one viral paper weighs like a few papers,
 * not like fifty: the score averages the log growth in share of papers and in that share of
 * attention. The figures shown (`paperShare`, `upvoteShare`) are the plain smoothed ratios.
 * A score above zero means the topic grew by more than noise explains.
 */

export const PRIOR_PAPERS = 2;
/** One-sided 95 %. */
export const Z = 1.645;

export interface PeriodTotals {
  papers: number;
  upvotes: number;
  /** Sum of log(1 + upvotes) over the papers: attention, with single viral papers damped. */
  attention: number;
}

export interface TopicPeriods {
  thisWeek: PeriodTotals;
  before: PeriodTotals;
}

export interface Growth {
  /** This week's share of papers over the earlier weeks' share (1 = unchanged). */
  paperShare: number;
  /** The same for upvotes. */
  upvoteShare: number;
  /** Lower-bound log growth; null when there is no earlier week (or no paper this week) to compare. */
  score: number | null;
}

export const EMPTY_PERIOD: Readonly<PeriodTotals> = { papers: 0, upvotes: 0, attention: 0 };

/** Adds one paper to a period's totals, in place (this runs for every paper of every topic). */
export function addPaper(period: PeriodTotals, upvotes: number): void {
  const votes = Math.max(0, upvotes);
  period.papers++;
  period.upvotes += votes;
  period.attention += Math.log1p(votes);
}

/** log(smoothed share this week / smoothed share before) of one measure, and the smoothed counts. */
function logShareRatio(topic: TopicPeriods, all: TopicPeriods, measure: keyof PeriodTotals) {
  const papers = all.thisWeek.papers + all.before.papers;
  const perPaper = (all.thisWeek[measure] + all.before[measure]) / papers;
  // The imaginary papers join the totals too, so with no real papers the ratio is exactly 1.
  const priorThisWeek = (PRIOR_PAPERS * perPaper * all.thisWeek.papers) / papers;
  const priorBefore = (PRIOR_PAPERS * perPaper * all.before.papers) / papers;
  const thisWeek = topic.thisWeek[measure] + priorThisWeek;
  const before = topic.before[measure] + priorBefore;
  const ratio =
    Math.log(thisWeek / (all.thisWeek[measure] + priorThisWeek)) -
    Math.log(before / (all.before[measure] + priorBefore));
  return { ratio, thisWeek, before };
}

export function growth(topic: TopicPeriods, all: TopicPeriods): Growth {
  if (all.thisWeek.papers === 0 || all.before.papers === 0)
    return { paperShare: 1, upvoteShare: 1, score: null };
  const papers = logShareRatio(topic, all, 'papers');
  const attention =
    all.thisWeek.attention + all.before.attention > 0 ? logShareRatio(topic, all, 'attention') : papers;
  const upvotes =
    all.thisWeek.upvotes + all.before.upvotes > 0 ? logShareRatio(topic, all, 'upvotes') : papers;
  const standardError = Math.sqrt(1 / papers.thisWeek + 1 / papers.before);
  return {
    paperShare: Math.exp(papers.ratio),
    upvoteShare: Math.exp(upvotes.ratio),
    score: (papers.ratio + attention.ratio) / 2 - Z * standardError,
  };
}

/** Highest score first; topics without a score after, by papers this week; then by key. */
export function byGrowth<T extends { growth: Growth; thisWeek: PeriodTotals; key: string }>(
  a: T,
  b: T,
): number {
  const aScore = a.growth.score ?? -Infinity;
  const bScore = b.growth.score ?? -Infinity;
  if (aScore !== bScore) return bScore - aScore;
  return b.thisWeek.papers - a.thisWeek.papers || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
