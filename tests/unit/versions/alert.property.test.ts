import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VersionFieldsSchema,
  applyLatestVersion,
  dismissAlert,
  pendingVersion,
  type VersionFields,
} from '@/lib/versions/alert';

type Step = { check: number } | { dismiss: true } | { restart: true };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ check: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ dismiss: true as const }),
  fc.constant({ restart: true as const }),
);
const start: fc.Arbitrary<VersionFields> = fc.record(
  { savedVersion: fc.integer({ min: 1, max: 8 }) },
  { requiredKeys: [] },
);

/** A worker restart: only what was stored survives, read back through its schema. */
const restart = (fields: VersionFields) => VersionFieldsSchema.parse(JSON.parse(JSON.stringify(fields)));

describe('version alerts over any sequence of checks, dismissals and restarts', () => {
  it('raise each version at most once, and never show a dismissed one again', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 40 }), (initial, steps) => {
        let fields = initial;
        const raised: number[] = [];
        const dismissed: number[] = [];
        for (const action of steps) {
          if ('check' in action) {
            const decision = applyLatestVersion(fields, action.check);
            if (decision.raised !== undefined) {
              raised.push(decision.raised);
              // A raised version is the one now shown.
              expect(pendingVersion(decision.fields)).toBe(decision.raised);
            }
            fields = decision.fields;
          } else if ('dismiss' in action) {
            const shown = pendingVersion(fields);
            if (shown !== undefined) dismissed.push(shown);
            fields = dismissAlert(fields);
          } else {
            fields = restart(fields);
          }
          const shown = pendingVersion(fields);
          if (shown !== undefined) expect(dismissed.every((version) => shown > version)).toBe(true);
        }
        expect(new Set(raised).size).toBe(raised.length);
      }),
      { numRuns: 2000 },
    );
  });
});
