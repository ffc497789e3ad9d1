import { COMMON_KEYWORDS, COMMON_SENTENCES, type FeedTopic } from './trend-feed-topics';

/** One generated paper as Hugging Face's `/api/daily_papers` lists it. */
export interface DailyPaperItem {
  paper: {
    id: string;
    authors: { _id: string; name: string; hidden: boolean }[];
    publishedAt: string;
    submittedOnDailyAt: string;
    title: string;
    summary: string;
    upvotes: number;
    discussionId: string;
    ai_keywords?: string[];
    organization?: { _id: string; name: string; fullname: string; avatar: string };
  };
  publishedAt: string;
  title: string;
  summary: string;
  mediaUrls: string[];
  thumbnail: string;
  numComments: number;
  submittedBy: { avatarUrl: string; fullname: string; name: string; type: 'user'; isPro: boolean };
  organization?: { _id: string; name: string; fullname: string; avatar: string };
  isAuthorParticipating: boolean;
}

export interface ItemSpec {
  id: string;
  topic: FeedTopic;
  joinedAt: number;
  upvotes: number;
  /** Whether it carries `ai_keywords`. */
  keywords: boolean;
}

const DAY = 86_400_000;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Draws the same number of random values whatever the spec, so later items do not shift. */
export function feedItem(spec: ItemSpec, random: () => number): DailyPaperItem {
  const { id, topic, upvotes } = spec;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const fill = (text: string) => text.replace('{n}', String(2 + Math.floor(random() * 30)));
  const title = pick(topic.titles).replace('{x}', pick(topic.fillers));
  const sentences = [
    pick(topic.openings),
    pick(COMMON_SENTENCES),
    pick(topic.methods),
    pick(COMMON_SENTENCES),
  ];
  const summary = sentences.map(fill).join(' ');
  const keywords = [
    ...new Set([pick(topic.keywords), pick(topic.keywords), pick(topic.keywords), pick(COMMON_KEYWORDS)]),
  ];
  const orgName = random() < 0.8 ? pick(topic.organizations) : undefined;
  const organization = orgName
    ? {
        _id: `org-${slug(orgName)}`,
        name: slug(orgName),
        fullname: orgName,
        avatar: `https://cdn-avatars.huggingface.co/${slug(orgName)}.png`,
      }
    : undefined;
  const joined = new Date(spec.joinedAt).toISOString();
  const submitter = `user${Math.floor(random() * 900) + 100}`;
  const authors = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, i) => ({
    _id: `${id}-a${i}`,
    name: `${pick(['Wei', 'Anna', 'Rahul', 'Sofia', 'Kenji', 'Lena', 'Omar'])} ${pick(['Zhang', 'Müller', 'Gupta', 'Rossi', 'Tanaka', 'Haddad'])}`,
    hidden: false,
  }));
  return {
    paper: {
      id,
      authors,
      publishedAt: new Date(spec.joinedAt - DAY).toISOString(),
      submittedOnDailyAt: joined,
      // The arXiv copy is hard-wrapped, as in the real feed.
      title: title.replace(/ (?=\S{6,})/, '\n  '),
      summary: summary.replace(/\. /g, '.\n'),
      upvotes,
      discussionId: `d${id.replace('.', '')}`,
      ...(spec.keywords ? { ai_keywords: keywords } : {}),
      ...(organization ? { organization } : {}),
    },
    publishedAt: joined,
    title,
    summary,
    mediaUrls: [],
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`,
    numComments: Math.floor(upvotes / 12),
    submittedBy: {
      avatarUrl: `/avatars/${submitter}.svg`,
      fullname: submitter,
      name: submitter,
      type: 'user',
      isPro: false,
    },
    ...(organization ? { organization } : {}),
    isAuthorParticipating: random() < 0.3,
  };
}
