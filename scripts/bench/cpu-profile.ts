import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Main-thread time (ms) spent under any frame whose script URL starts with `urlPrefix`, in a V8 CPU
 * profile: samples whose stack holds one of those frames, weighted by their time deltas. Content
 * scripts run in an isolated world of the page's own isolate, so the page's profiler sees them.
 * This counts JavaScript and the style and layout it forces synchronously, but not the style,
 * layout and paint that the page does later because of what the script changed: a breakdown, not
 * what the page pays (that is Performance.getMetrics, see page-load.bench.ts).
 */
export function timeUnder(profile: CpuProfile, urlPrefix: string): number {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
  const ours = new Map<number, boolean>();
  const isOurs = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const value = node.callFrame.url.startsWith(urlPrefix) || isOurs(node.parent);
    ours.set(id, value);
    return value;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (isOurs(id)) micros += profile.timeDeltas[i + 1] ?? 0;
  });
  return micros / 1000;
}

/** Runs `run` under the V8 sampling profiler of `cdp`'s target, sampling every 100 µs. */
export async function profile(cdp: CDPSession, run: () => Promise<void>): Promise<CpuProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile: result } = await cdp.send('Profiler.stop');
  return result as unknown as CpuProfile;
}

/**
 * Self time (ms) of each function seen under frames of `urlPrefix`: the extension's own functions and
 * the browser functions they call (getComputedStyle, attachShadow…, where forced style and layout
 * show up). Keyed "name file:line" (the build is minified, so a line and column say more than a name).
 */
export function selfTimesUnder(profile: CpuProfile, urlPrefix: string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) byId.get(child)!.parent = node.id;
  const under = (id: number | undefined): boolean => {
    for (let at = id; at !== undefined; at = byId.get(at)!.parent)
      if (byId.get(at)!.callFrame.url.startsWith(urlPrefix)) return true;
    return false;
  };
  const times = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    if (!under(id)) return;
    const { callFrame } = byId.get(id)! as ProfileNode & {
      callFrame: { functionName?: string; lineNumber?: number; columnNumber?: number };
    };
    const file = callFrame.url ? callFrame.url.split('/').pop() : 'browser';
    const where = callFrame.url
      ? ` ${file}:${(callFrame.lineNumber ?? 0) + 1}:${(callFrame.columnNumber ?? 0) + 1}`
      : '';
    const key = `${callFrame.functionName || '(anonymous)'}${where}`;
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return times;
}
