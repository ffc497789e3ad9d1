import { CLAUSE_BREAK } from './word-table';

/**
 * Phrases as a tree of key ids, so each position of a text is tried against all of them at once.
 * The first level is an array indexed by key id: nearly every word of an abstract fails there.
 */
export class PhraseTrie {
  private readonly firstLevel: Int32Array;
  private readonly children: Map<number, number>[] = [];
  private readonly topicAt: number[] = [];

  constructor(keyCount: number) {
    this.firstLevel = new Int32Array(keyCount).fill(-1);
  }

  private newNode(): number {
    this.children.push(new Map());
    this.topicAt.push(-1);
    return this.children.length - 1;
  }

  add(keys: readonly number[], topic: number): void {
    let node = this.firstLevel[keys[0]!]!;
    if (node < 0) this.firstLevel[keys[0]!] = node = this.newNode();
    for (const key of keys.slice(1)) {
      let next = this.children[node]!.get(key);
      if (next === undefined) this.children[node]!.set(key, (next = this.newNode()));
      node = next;
    }
    this.topicAt[node] = topic;
  }

  /** Calls `found` for every phrase starting at `tokens[start]` and ending before `end`. */
  matchAt(
    tokens: Int32Array,
    start: number,
    end: number,
    keyOf: readonly number[],
    found: (topic: number) => void,
  ): void {
    const first = keyOf[tokens[start]!]!;
    // Words first seen after the tree was built are in no phrase.
    let node = first < this.firstLevel.length ? this.firstLevel[first]! : -1;
    for (let index = start + 1; node >= 0; index++) {
      if (this.topicAt[node]! >= 0) found(this.topicAt[node]!);
      if (index >= end) return;
      const token = tokens[index]!;
      if (token === CLAUSE_BREAK) return;
      node = this.children[node]!.get(keyOf[token]!) ?? -1;
    }
  }
}
