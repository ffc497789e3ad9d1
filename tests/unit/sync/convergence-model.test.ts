// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowFromRecord } from '@/lib/sync/local-apply';
import { registersEqual } from '@/lib/sync/merge';
import type { SyncQuota } from '@/lib/sync/quota';
import { isDeleted, isKnown, REGISTERS, type Register } from '@/lib/sync/record';
import { compareStamps } from '@/lib/sync/clock';
import type { ConflictRule } from './fake-sync-service';
import { effective, expectConverged, syncedRows, winningWrites, World } from './harness';

/**
 * Model-based test: random sequences of edits on three browsers, syncs, partial and reordered
 * deliveries, offline periods, sync turned off and on, quota errors and clock skew. The model is the
 * list of every register write made; after the network heals and each browser syncs on change, the
 * browsers must hold the same library, and every register must hold its highest-stamped write.
 */

const KEYS = ['arxiv:2410.17243', 'arxiv:2401.00001', 'doi:10.1101/2021.08.03.454978'];
const QUOTA_ERRORS = [
  'QUOTA_BYTES quota exceeded',
  'QUOTA_BYTES_PER_ITEM quota exceeded',
  'MAX_ITEMS quota exceeded',
  'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded',
  'MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded',
];

const browser = fc.integer({ min: 0, max: 2 });
const key = fc.constantFrom(...KEYS);

function commandArb(noteLength: number) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), browser, key }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('tags' as const),
        browser,
        key,
        tags: fc.subarray(['llm', 'serving', 'survey']),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('note' as const),
        browser,
        key,
        note: fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.string({ minLength: noteLength / 2, maxLength: noteLength }),
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('read' as const), browser, key, read: fc.boolean() }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), browser, key }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), browser, key }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('sync' as const), browser }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('upload' as const), browser }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('deliver' as const),
        picks: fc.array(fc.nat(12), { maxLength: 8 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), browser }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), browser }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), browser }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('fail' as const),
        browser,
        message: fc.constantFrom(...QUOTA_ERRORS),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 90_000 }) }),
    },
  );
}

type Command = ReturnType<typeof commandArb> extends fc.Arbitrary<infer C> ? C : never;

function scenarioArb(noteLength: number) {
  return fc.record({
    // Where each bookmark starts, and whether the browsers synced once before the run.
    starts: fc.tuple(browser, browser, browser),
    synced: fc.boolean(),
    commands: fc.array(commandArb(noteLength), { minLength: 10, maxLength: 60 }),
    // Whole seconds apart, like the one-second steps between commands, so that stamps from
    // different browsers tie on the clock and the replica id has to decide.
    skews: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom(0, 0, 1_000, -1_000, 2_000, -15_000))),
    conflict: fc.constantFrom<ConflictRule>('pending-write-wins', 'server-wins'),
  });
}

async function run(
  world: World,
  { starts, synced, commands }: { starts: number[]; synced: boolean; commands: readonly Command[] },
): Promise<void> {
  starts.forEach((start, index) => world.browsers[start]!.library.add(KEYS[index]!));
  if (synced) await world.settle();
  for (const command of commands) {
    if (command.kind === 'deliver') {
      world.service.deliver((count) => command.picks.filter((pick) => pick < count));
      continue;
    }
    if (command.kind === 'tick') {
      world.advance(command.ms);
      continue;
    }
    const target = world.browsers[command.browser]!;
    const library = target.library;
    switch (command.kind) {
      case 'add':
        if (!library.rows.has(command.key)) library.add(command.key);
        break;
      case 'tags':
        library.edit(command.key, { tags: command.tags });
        break;
      case 'note':
        library.edit(command.key, { note: command.note });
        break;
      case 'read':
        library.edit(command.key, { read: command.read });
        break;
      case 'remove':
        library.remove(command.key);
        break;
      case 'restore':
        library.restore(command.key);
        break;
      case 'sync':
        await target.sync();
        break;
      case 'upload':
        world.service.upload(target.area);
        break;
      case 'offline':
        target.area.online = false;
        break;
      case 'online':
        target.area.online = true;
        break;
      case 'toggle':
        target.enabled = !target.enabled;
        break;
      case 'fail':
        target.area.failures.push(command.message);
        break;
    }
    // Each local write is followed by a (debounced) sync in the real worker; here, sometimes.
    world.advance(1_000);
  }
}

async function heal(world: World): Promise<void> {
  for (const browser of world.browsers) {
    browser.area.online = true;
    browser.enabled = true;
    browser.area.failures.length = 0;
  }
  const outcomesBefore = world.browsers.map((browser) => browser.outcomes.length);
  await world.settle(12);
  world.browsers.forEach((browser, index) => {
    // Plans always fit: no quota error once the injected ones are gone.
    expect(
      browser.outcomes.slice(outcomesBefore[index]).filter((outcome) => outcome.status === 'failed'),
    ).toEqual([]);
  });
}

/** Every browser's rows are what its records say (the row is the record's view, local fields aside). */
function expectRowsFollowRecords(world: World): void {
  for (const browser of world.browsers) {
    for (const [key, record] of browser.library.records) {
      const expected = rowFromRecord(record);
      const row = syncedRows(browser.library)[key];
      if (!expected) expect(row).toBeUndefined();
      else {
        const { updatedAt: _updatedAt, ...fields } = expected;
        expect(row).toEqual({ ...fields, ...(isKnown(record.note) ? {} : { note: row?.note }) });
      }
    }
  }
}

/** Every register any browser holds is a write some browser made (withheld or not): nothing invented. */
function expectOnlyRealWrites(world: World): void {
  const made = new Map(
    world.writes.map((write) => [JSON.stringify([write.key, write.register, write.value.stamp]), write]),
  );
  for (const browser of world.browsers) {
    for (const [key, record] of browser.library.records) {
      for (const register of REGISTERS) {
        const held = record[register] as Register<unknown> | undefined;
        if (!held) continue;
        const write = made.get(JSON.stringify([key, register, held.stamp]));
        expect(write, `${browser.replicaId} ${key} ${register}`).toBeDefined();
        if (isKnown(held)) expect(held).toEqual(write!.value);
      }
    }
  }
}

describe('two or three browsers converge, whatever happens in between', () => {
  it('after healing, every browser holds the same library and every highest-stamped write', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(40), async ({ skews, conflict, ...scenario }) => {
        const world = new World(['laptop', 'desktop', 'firefox'], undefined, conflict);
        world.browsers.forEach((browser, index) => (browser.skew = skews[index]!));
        await run(world, scenario);
        await heal(world);
        expectConverged(world);
        for (const winner of winningWrites(world.writes).values()) {
          for (const browser of world.browsers) {
            const record = effective(browser.library.records.get(winner.key));
            // A write older than the winning deletion of its bookmark is moot; every other one must be held.
            if (record && isDeleted(record) && compareStamps(winner.value.stamp, record.deleted!.stamp) < 0)
              continue;
            expect(record?.[winner.register]).toEqual(winner.value);
          }
        }
        expectRowsFollowRecords(world);
        expectOnlyRealWrites(world);
      }),
      { numRuns: 150 },
    );
  });

  it('with a sync area too small for the library: nothing is lost, and the browsers stop writing', async () => {
    const tiny: SyncQuota = { bucketCount: 2, bucketBytes: 420 };
    await fc.assert(
      fc.asyncProperty(scenarioArb(300), async ({ skews, conflict, ...scenario }) => {
        const world = new World(['laptop', 'desktop', 'firefox'], tiny, conflict);
        world.browsers.forEach((browser, index) => (browser.skew = skews[index]!));
        await run(world, scenario);
        await heal(world);
        for (const winner of winningWrites(world.writes).values()) {
          // The highest write is still held, value and all, by some browser (its author at least).
          const holders = world.browsers.filter((browser) =>
            registersEqual(browser.library.records.get(winner.key)?.[winner.register], winner.value),
          );
          expect(holders.length).toBeGreaterThan(0);
        }
        expectRowsFollowRecords(world);
        expectOnlyRealWrites(world);
      }),
      { numRuns: 100 },
    );
  });
});
