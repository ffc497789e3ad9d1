import {
  addPaper,
  byGrowth,
  EMPTY_PERIOD,
  growth,
  type Growth,
  type PeriodTotals,
  type TopicPeriods,
} from './growth';
import type { TopicExtraction } from './topics';

/**
 * The rising topics, most rising first, with what the Trends tab shows of each. Only topics whose
 * growth score is above zero are listed (growth more than noise explains: a topic that held its
 * share is not rising, and a list padded with it would rank noise); when there is no earlier week
 * to compare with, every topic is listed, by papers this week. Before ranking, a topic must have
 * `MIN_TOPIC_PAPERS` papers in the window and at most `MAX_TOPIC_SHARE` of all of them: a
 * phrase in every other paper ("large language models") is the background, not a trend. After
 * ranking, a topic whose papers nearly all belong to a topic ranked above it ("Mamba" under
 * "state space models") is listed under that topic rather than as a second entry.
 */

export const MIN_TOPIC_PAPERS = 3;
export const MAX_TOPIC_SHARE = 0.25;
/** Share of a topic's papers that a higher-ranked topic must hold to absorb it. */
const REDUNDANT_SHARE = 0.9;
const MAX_RELATED = 3;

export interface WindowPaper {
  id: string;
  upvotes: number;
  /** Weeks back from this week (0) in the window. */
  week: number;
}

export interface RankedTopic {
  key: string;
  label: string;
  aliases: string[];
  /** Labels of the topics it absorbed. */
  related: string[];
  /** Oldest week first. */
  papersPerWeek: number[];
  thisWeek: PeriodTotals;
  before: PeriodTotals;
  growth: Growth;
  /** Indices into the window's papers, most upvoted first, this week's before earlier ones. */
  papers: number[];
}

export function totalsOf(papers: readonly WindowPaper[], indices?: readonly number[]): TopicPeriods {
  const thisWeek = { ...EMPTY_PERIOD };
  const before = { ...EMPTY_PERIOD };
  const count = indices ? indices.length : papers.length;
  for (let index = 0; index < count; index++) {
    const paper = papers[indices ? indices[index]! : index]!;
    addPaper(paper.week === 0 ? thisWeek : before, paper.upvotes);
  }
  return { thisWeek, before };
}

function compareIds(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function rankTopics(
  extraction: TopicExtraction,
  papers: readonly WindowPaper[],
  weeks: number,
  limit: number,
): RankedTopic[] {
  const members: number[][] = extraction.topics.map(() => []);
  extraction.paperTopics.forEach((topics, paper) => {
    for (const topic of topics) members[topic]!.push(paper);
  });
  const all = totalsOf(papers);
  const maxPapers = MAX_TOPIC_SHARE * papers.length;
  const candidates: RankedTopic[] = [];
  extraction.topics.forEach((topic, index) => {
    const indices = members[index]!;
    if (indices.length < MIN_TOPIC_PAPERS || indices.length > maxPapers) return;
    const periods = totalsOf(papers, indices);
    const papersPerWeek = Array.from({ length: weeks }, () => 0);
    for (const paper of indices) papersPerWeek[weeks - 1 - papers[paper]!.week]!++;
    const figures = { papersPerWeek, ...periods, growth: growth(periods, all), papers: indices };
    candidates.push({ ...topic, related: [], ...figures });
  });
  candidates.sort(byGrowth);

  const ranked: RankedTopic[] = [];
  const holder = new Int32Array(papers.length).fill(-1);
  for (const candidate of candidates) {
    if (ranked.length >= limit) break;
    const { score } = candidate.growth;
    if (score !== null && score <= 0) break;
    const absorber = absorbingTopic(candidate, ranked, holder);
    if (absorber) {
      if (absorber.related.length < MAX_RELATED) absorber.related.push(candidate.label);
      continue;
    }
    ranked.push(candidate);
  }
  // Sorted only now: most topics never make the list.
  for (const topic of ranked) {
    topic.papers = [...topic.papers].sort((a, b) => {
      const [pa, pb] = [papers[a]!, papers[b]!];
      return Number(pa.week > 0) - Number(pb.week > 0) || pb.upvotes - pa.upvotes || compareIds(pa.id, pb.id);
    });
  }
  return ranked;
}

/** A topic ranked above that holds nearly all of `candidate`'s papers, if any. */
function absorbingTopic(
  candidate: RankedTopic,
  ranked: readonly RankedTopic[],
  holder: Int32Array,
): RankedTopic | undefined {
  for (const [rank, topic] of ranked.entries()) {
    for (const paper of topic.papers) holder[paper] = rank;
    const shared = candidate.papers.filter((paper) => holder[paper] === rank).length;
    for (const paper of topic.papers) holder[paper] = -1;
    if (shared >= REDUNDANT_SHARE * candidate.papers.length) return topic;
  }
  return undefined;
}
