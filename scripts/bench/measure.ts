import type { CDPSession } from '@playwright/test';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string };
  children?: number[];
}

/**
 * Main-thread time spent under any frame of `urlPart` in a V8 CPU profile: samples whose stack
 * holds one of our frames, weighted by their time deltas. Content scripts run in an isolated world
 * of the page's own isolate, so the page's profiler sees them; this counts what they cost the page,
 * including style and layout they force synchronously.
 */
export function timeUnder(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] },
  urlPart: string,
) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
  const ours = new Map<number, boolean>();
  const isOurs = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    if (ours.has(id)) return ours.get(id)!;
    const node = byId.get(id)!;
    const value = node.callFrame.url.includes(urlPart) || isOurs(node.parent);
    ours.set(id, value);
    return value;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) micros += profile.timeDeltas[i + 1] ?? 0;
  });
  return micros / 1000;
}

export async function profile<T>(cdp: CDPSession, run: () => Promise<T>) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile: result } = await cdp.send('Profiler.stop');
  return result as unknown as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
}
