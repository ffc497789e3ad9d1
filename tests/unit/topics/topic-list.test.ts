import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWatchedTopic,
  formatTopicLines,
  MAX_TOPIC_LENGTH,
  MAX_WATCHED_TOPICS,
  parseTopicLines,
  WatchedTopicsSchema,
} from '../../../lib/topics/topic-list';

describe('parseTopicLines', () => {
  it('keeps one topic per line, trimmed, first of each normalised form', () => {
    const parsed = parseTopicLines(' diffusion   models \r\n\nRAG\nDiffusion Model\n---\n' + 'x'.repeat(101));
    expect(parsed.topics).toEqual(['diffusion models', 'RAG']);
    expect(parsed.rejected).toEqual([
      { line: 'Diffusion Model', reason: 'duplicate' },
      { line: '---', reason: 'no-words' },
      { line: 'x'.repeat(101), reason: 'too-long' },
    ]);
  });

  it(`keeps at most ${MAX_WATCHED_TOPICS} topics`, () => {
    const lines = Array.from({ length: MAX_WATCHED_TOPICS + 2 }, (_, i) => `topic ${i}`);
    const parsed = parseTopicLines(lines.join('\n'));
    expect(parsed.topics).toHaveLength(MAX_WATCHED_TOPICS);
    expect(parsed.rejected.map((r) => r.reason)).toEqual(['too-many', 'too-many']);
  });

  it('always yields a list the stored schema accepts, and reads back what it formats', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: MAX_TOPIC_LENGTH + 5 }), { maxLength: 70 }), (lines) => {
        const { topics } = parseTopicLines(lines.join('\n'));
        expect(WatchedTopicsSchema.safeParse(topics).success).toBe(true);
        expect(parseTopicLines(formatTopicLines(topics)).topics).toEqual(topics);
      }),
    );
  });
});

describe('WatchedTopicsSchema', () => {
  it.each([
    [['RAG', 'agents'], true],
    [[' RAG'], false],
    [['RAG', 'rag'], false],
    [['...'], false],
    [['x'.repeat(MAX_TOPIC_LENGTH + 1)], false],
  ])('%j → %s', (topics, valid) => {
    expect(WatchedTopicsSchema.safeParse(topics).success).toBe(valid);
  });
});

describe('addWatchedTopic', () => {
  it('adds a new topic and refuses one already watched in another spelling', () => {
    expect(addWatchedTopic(['RAG'], 'State Space Models').topics).toEqual(['RAG', 'State Space Models']);
    expect(addWatchedTopic(['state-space model'], 'State Space Models (SSMs)')).toEqual({
      topics: ['state-space model'],
      rejected: [{ line: 'State Space Models (SSMs)', reason: 'duplicate' }],
    });
  });
});
