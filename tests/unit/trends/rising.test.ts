import { describe, expect, it } from 'vitest';
import { encodeSamples, type HistorySample, type PaperHistory } from '../../../lib/trends/history-codec';
import { risingOrder, type RisingPaper } from '../../../lib/trends/rising';
import { sparkline } from '../../../lib/trends/sparkline';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-03-10T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

function history(id: string, joinedAt: number, samples: [iso: string, upvotes: number][]): PaperHistory {
  const decoded: HistorySample[] = samples.map(([iso, upvotes]) => ({ at: at(iso), upvotes, comments: 0 }));
  return encodeSamples(id, joinedAt, decoded);
}

describe('risingOrder', () => {
  const papers: RisingPaper[] = [
    { id: 'still-top', upvotes: 300, dailyDate: '2025-03-05', joinedAt: at('2025-03-05T02:00:00Z') },
    { id: 'taking-off', upvotes: 120, dailyDate: '2025-03-07', joinedAt: at('2025-03-07T03:00:00Z') },
    { id: 'young', upvotes: 25, dailyDate: '2025-03-10', joinedAt: at('2025-03-10T06:00:00Z') },
    { id: 'young-by-day', upvotes: 9, dailyDate: '2025-03-10' },
    { id: 'partial', upvotes: 18, dailyDate: '2025-03-08', joinedAt: at('2025-03-08T01:00:00Z') },
    { id: 'no-history', upvotes: 50, dailyDate: '2025-03-06' },
    { id: 'lost-votes', upvotes: 40, dailyDate: '2025-03-06' },
    { id: 'too-old', upvotes: 500, dailyDate: '2025-03-03' },
  ];
  const histories = new Map(
    [
      history('still-top', papers[0]!.joinedAt!, [
        ['2025-03-07T00:00:00Z', 300],
        ['2025-03-10T12:00:00Z', 300],
      ]),
      history('taking-off', papers[1]!.joinedAt!, [
        ['2025-03-07T04:00:00Z', 10],
        ['2025-03-09T00:00:00Z', 30],
        ['2025-03-10T00:00:00Z', 50],
        ['2025-03-10T12:00:00Z', 120],
      ]),
      history('partial', papers[4]!.joinedAt!, [['2025-03-10T08:00:00Z', 10]]),
      history('lost-votes', 0, [
        ['2025-03-08T00:00:00Z', 45],
        ['2025-03-10T00:00:00Z', 45],
      ]),
      history('too-old', 0, [['2025-03-03T10:00:00Z', 100]]),
    ].map((row) => [row.id, row]),
  );
  const order = risingOrder(papers, histories, NOW);

  it('ranks a three-day-old paper taking off above a top paper that stays still', () => {
    expect(order.map((entry) => entry.id)).toEqual([
      'taking-off',
      'young',
      'young-by-day',
      'partial',
      'still-top',
      'no-history',
      'lost-votes',
    ]);
  });

  it.each([
    // 24 hours ago (03-09 12:00) lies between the samples of 03-09 00:00 (30) and 03-10 00:00 (50).
    ['taking-off', 80, 'day'],
    ['young', 25, 'young'],
    ['young-by-day', 9, 'young'],
    ['partial', 8, 'partial'],
    ['still-top', 0, 'day'],
    ['no-history', 0, 'none'],
    ['lost-votes', 0, 'day'],
  ])('%s gained %i (%s)', (id, gain, basis) => {
    expect(order.find((entry) => entry.id === id)).toMatchObject({ gain, basis });
  });

  it('breaks ties by upvotes, then by id, whatever the input order', () => {
    const tied: RisingPaper[] = ['b', 'a', 'c'].map((id) => ({
      id,
      upvotes: id === 'c' ? 9 : 5,
      dailyDate: '2025-03-10',
    }));
    const ids = (list: RisingPaper[]) => risingOrder(list, new Map(), NOW).map((entry) => entry.id);
    expect(ids(tied)).toEqual(['c', 'a', 'b']);
    expect(ids([...tied].reverse())).toEqual(['c', 'a', 'b']);
  });
});

describe('sparkline', () => {
  const joinedAt = at('2025-03-09T12:00:00Z');
  const paper: RisingPaper = { id: 'p', upvotes: 60, dailyDate: '2025-03-09', joinedAt };

  it('spans joining to now at even steps, ending with the count now', () => {
    const row = history('p', joinedAt, [
      ['2025-03-09T12:00:00Z', 0],
      ['2025-03-10T00:00:00Z', 40],
    ]);
    const line = sparkline(paper, row, NOW, 5);
    expect(line).toEqual({
      from: joinedAt,
      step: 6 * HOUR,
      values: [0, 20, 40, 50, 60],
      observedFrom: joinedAt,
    });
  });

  it('starts from zero at joining when history begins later, and says where it begins', () => {
    const row = history('p', joinedAt, [['2025-03-10T00:00:00Z', 40]]);
    const line = sparkline(paper, row, NOW, 3);
    expect(line.values).toEqual([0, 40, 60]);
    expect(line.observedFrom).toBe(at('2025-03-10T00:00:00Z'));
  });

  it('draws a straight line from zero without any history', () => {
    expect(sparkline(paper, undefined, NOW, 3).values).toEqual([0, 30, 60]);
  });
});
