import type { Packet, RdpClient } from './rdp-client';

/** What the server tells about a target (a document, or a content script's sandbox in one). */
export interface TargetForm {
  actor: string;
  consoleActor: string;
  targetType?: string;
  url?: string;
  title?: string;
  addonId?: string;
}

export function describeTarget(target: TargetForm): string {
  return target.targetType === 'content_script'
    ? `${target.title ?? target.addonId} content script`
    : (target.url ?? target.actor);
}

/**
 * A watcher actor and the targets it has announced. An add-on's watcher sees the add-on's documents
 * (background page, extension pages in tabs); a tab's watcher sees the page and, as `content_script`
 * targets, every add-on's content scripts in it.
 */
export class Watcher {
  readonly targets = new Map<string, TargetForm>();

  private constructor(
    readonly client: RdpClient,
    readonly actor: string,
  ) {
    client.onEvent((packet) => {
      if (packet.from !== actor) return;
      const target = packet.target as TargetForm | undefined;
      if (packet.type === 'target-available-form' && target) this.targets.set(target.actor, target);
      if (packet.type === 'target-destroyed-form' && target) this.targets.delete(target.actor);
    });
  }

  /** The watcher of a temporarily installed add-on, found by its id. */
  static async forAddon(client: RdpClient, addonId: string): Promise<Watcher> {
    const { addons } = (await client.request('root', 'listAddons')) as Packet & {
      addons: { actor: string; id: string }[];
    };
    const addon = addons.find((candidate) => candidate.id === addonId);
    if (!addon) throw new Error(`Add-on ${addonId} is not installed (have: ${addons.map((a) => a.id)})`);
    const { actor } = await client.request(addon.actor, 'getWatcher');
    return new Watcher(client, actor as string);
  }

  /** The watcher of the open tab whose URL is `url`. */
  static async forTab(client: RdpClient, url: string): Promise<Watcher> {
    const { tabs } = (await client.request('root', 'listTabs')) as Packet & {
      tabs: { actor: string; url: string }[];
    };
    const tab = tabs.find((candidate) => candidate.url === url);
    if (!tab) throw new Error(`No tab shows ${url} (tabs: ${tabs.map((t) => t.url).join(', ')})`);
    // With server-side target switching the watcher announces the page's own frame too, which is
    // where what the content script prints is reported; without it only the content scripts appear.
    const { actor } = await client.request(tab.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
    return new Watcher(client, actor as string);
  }

  /** Starts watching `targetType`; existing targets are announced before this resolves. */
  async watchTargets(targetType: 'frame' | 'content_script'): Promise<void> {
    await this.client.request(this.actor, 'watchTargets', { targetType });
  }

  /** Console messages and page errors of every watched target, cached ones first. */
  async watchConsole(): Promise<void> {
    await this.client.request(this.actor, 'watchResources', {
      resourceTypes: ['console-message', 'error-message'],
    });
  }

  /** Waits until a target matching `predicate` has been announced. */
  async target(predicate: (target: TargetForm) => boolean, what: string): Promise<TargetForm> {
    const known = [...this.targets.values()].find(predicate);
    if (known) return known;
    const packet = await this.client.nextEvent(
      (event) =>
        event.from === this.actor &&
        event.type === 'target-available-form' &&
        predicate(event.target as TargetForm),
      `${what} (targets so far: ${[...this.targets.values()].map(describeTarget).join(', ') || 'none'})`,
    );
    return packet.target as TargetForm;
  }
}

/**
 * Runs `fn(arg)` in the target's global, as the target's own code would (in an extension page with
 * its `browser` API; in a content script with the content script's privileges, which include
 * `Element.openOrClosedShadowRoot`). `fn` must be self-contained: it is sent as source text. Its
 * result travels as JSON; a throw or rejection becomes an error here, with the page's stack.
 */
export async function evaluate<R, A = undefined>(
  client: RdpClient,
  target: TargetForm,
  fn: (arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  const text = `(async () => {
    try {
      return JSON.stringify({ value: await (${fn.toString()})(${JSON.stringify(arg ?? null)}) });
    } catch (error) {
      return JSON.stringify({ error: String(error), stack: String(error?.stack ?? '') });
    }
  })()`;
  // The result is an event that can arrive in the same read as the answer: collect from now on.
  const results = new Map<string, Packet>();
  const off = client.onEvent((packet) => {
    if (packet.from === target.consoleActor && packet.type === 'evaluationResult') {
      results.set(packet.resultID as string, packet);
    }
  });
  try {
    const { resultID } = await client.request(target.consoleActor, 'evaluateJSAsync', {
      text,
      // Await the promise the expression returns, as the console does for top-level await.
      mapped: { await: true },
    });
    const result =
      results.get(resultID as string) ??
      (await client.nextEvent(
        (packet) => packet.from === target.consoleActor && packet.resultID === resultID,
        `result of an evaluation in ${describeTarget(target)}`,
      ));
    if (result.exceptionMessage) throw new Error(`In ${describeTarget(target)}: ${result.exceptionMessage}`);
    if (result.topLevelAwaitRejected)
      throw new Error(`In ${describeTarget(target)}: the evaluation rejected`);
    const json = await gripToString(client, result.result);
    const outcome = JSON.parse(json) as { value?: R; error?: string; stack?: string };
    if (outcome.error !== undefined) {
      throw new Error(`In ${describeTarget(target)}: ${outcome.error}\n${outcome.stack}`);
    }
    return outcome.value as R;
  } finally {
    off();
  }
}

/** A string result is sent whole when short, as a `longString` actor to read from when long. */
export async function gripToString(client: RdpClient, grip: unknown): Promise<string> {
  if (typeof grip === 'string') return grip;
  const long = grip as { type?: string; actor?: string; length?: number } | undefined;
  if (long?.type === 'longString' && long.actor) {
    const { substring } = await client.request(long.actor, 'substring', { start: 0, end: long.length });
    return substring as string;
  }
  throw new Error(`Expected a string from the evaluation, got ${JSON.stringify(grip)}`);
}
