import { commonestSpelling } from '../text';

/** How to show a topic: its commonest spelling (lib/text.ts says how). */
export const preferredLabel = commonestSpelling;

export function countSpelling(spellings: Map<string, number>, spelling: string): void {
  spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
}
