import type { CDPSession, Page } from '@playwright/test';

/**
 * PaperPulse's in-page UI lives in CLOSED shadow roots, which Playwright's locators (and page
 * scripts) cannot enter. The DevTools protocol can: `DOM.getDocument({ pierce: true })` returns
 * closed roots too, and a mouse event dispatched at an element's box is a real, trusted click.
 * This is how the browser tests read and press the card and chips, as a user would.
 */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

export interface UiElement {
  backendNodeId: number;
  localName: string;
  attributes: Record<string, string>;
  /** Text of the element and everything inside it, styles left out. */
  text: string;
  /** The shadow root's mode, for shadow hosts. */
  shadowRootType?: string;
  children: UiElement[];
}

const ELEMENT = 1;
const TEXT = 3;

function toElement(node: CdpNode): UiElement {
  const attributes: Record<string, string> = {};
  for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) {
    attributes[node.attributes![i]!] = node.attributes![i + 1]!;
  }
  const inner = [
    ...(node.shadowRoots ?? []).flatMap((root) => root.children ?? []),
    ...(node.children ?? []),
  ];
  const children = inner.filter((child) => child.nodeType === ELEMENT).map(toElement);
  const text = inner
    .map((child) =>
      child.nodeType === TEXT
        ? (child.nodeValue ?? '')
        : child.localName === 'style'
          ? ''
          : toElement(child).text,
    )
    .join('');
  return {
    backendNodeId: node.backendNodeId,
    localName: node.localName ?? node.nodeName.toLowerCase(),
    attributes,
    text,
    shadowRootType: node.shadowRoots?.[0]?.shadowRootType,
    children,
  };
}

/** Every element in `element`'s subtree (shadow roots included) that satisfies `test`. */
export function findAll(element: UiElement, test: (element: UiElement) => boolean): UiElement[] {
  const found = test(element) ? [element] : [];
  return [...found, ...element.children.flatMap((child) => findAll(child, test))];
}

export const hasClass = (name: string) => (element: UiElement) =>
  (element.attributes.class ?? '').split(/\s+/).includes(name);

export class InPageUi {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<InPageUi> {
    return new InPageUi(page, await page.context().newCDPSession(page));
  }

  /** A fresh snapshot of every `tag` host on the page, with what is inside its shadow root. */
  async hosts(tag: string): Promise<UiElement[]> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    return findAll(toElement(root), (element) => element.localName === tag);
  }

  /** The first element inside a `tag` host that satisfies `test`, or undefined. */
  async find(
    tag: string,
    test: (element: UiElement) => boolean,
    hostIndex = 0,
  ): Promise<UiElement | undefined> {
    const host = (await this.hosts(tag))[hostIndex];
    return host && findAll(host, test)[0];
  }

  /** Where an element is drawn, in CSS pixels of the viewport; null when it has no box. */
  async box(element: UiElement): Promise<{ x: number; y: number; width: number; height: number } | null> {
    try {
      const { model } = (await this.cdp.send('DOM.getBoxModel', {
        backendNodeId: element.backendNodeId,
      })) as {
        model: { border: number[]; width: number; height: number };
      };
      const [x, y] = model.border as [number, number];
      return { x, y, width: model.width, height: model.height };
    } catch {
      return null;
    }
  }

  /** The element's computed style (the DevTools protocol reads inside closed roots too). */
  async computedStyle(element: UiElement): Promise<Record<string, string>> {
    await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = (await this.cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
      backendNodeIds: [element.backendNodeId],
    })) as { nodeIds: number[] };
    await this.cdp.send('CSS.enable');
    const { computedStyle } = (await this.cdp.send('CSS.getComputedStyleForNode', {
      nodeId: nodeIds[0]!,
    })) as {
      computedStyle: { name: string; value: string }[];
    };
    return Object.fromEntries(computedStyle.map(({ name, value }) => [name, value]));
  }

  /** A real mouse click at the centre of the element: the browser marks it trusted. */
  async click(element: UiElement): Promise<void> {
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: element.backendNodeId });
    const box = await this.box(element);
    if (!box || box.width === 0 || box.height === 0)
      throw new Error(`<${element.localName}> has no box to click`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.cdp.send('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x,
      y,
      button: 'left',
      clickCount: 1,
    });
    await this.cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x,
      y,
      button: 'left',
      clickCount: 1,
    });
  }

  /**
   * What a page script could do if it ever held the element (an open root, a leaked reference):
   * `element.click()`, run in the page's world. The browser marks that click untrusted.
   */
  async syntheticClick(element: UiElement): Promise<void> {
    const { object } = (await this.cdp.send('DOM.resolveNode', { backendNodeId: element.backendNodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { this.click(); }',
    });
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  get target(): Page {
    return this.page;
  }
}
