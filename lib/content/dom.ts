/**
 * A tiny element builder for the content script (no framework: it must stay a few KB). Children are
 * always added as text nodes or elements, never parsed as HTML, so page strings stay text.
 */
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/**
 * A host element with a CLOSED shadow root: page styles cannot reach in, ours cannot leak out, and
 * page scripts cannot reach our buttons (`host.shadowRoot` is null for them), as password managers
 * draw their in-page UI. Only this content script holds `root`.
 */
export function shadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  root.append(h('style', {}, css));
  return { host, root };
}

/**
 * Runs `action` for clicks the user made (mouse, touch, or Enter/Space on the focused button),
 * never for clicks a page script synthesises (`element.click()`, `dispatchEvent`), which the
 * browser marks untrusted.
 */
export function onTrustedClick(element: HTMLElement, action: () => void): void {
  element.addEventListener('click', (event) => {
    if (event.isTrusted) action();
  });
}

/**
 * Is the page dark? Reads the page's own background (walking up to <html>). A page with no
 * background of its own is dark only if it opts into a dark color-scheme: browsers paint every
 * other page white, whatever the OS theme.
 */
export function isDarkPage(anchor: Element | null): boolean {
  for (let node: Element | null = anchor; node; node = node.parentElement) {
    const match = getComputedStyle(node).backgroundColor.match(/[\d.]+/g);
    if (!match || match.length < 3) continue;
    const [r, g, b, alpha = 1] = match.map(Number) as [number, number, number, number?];
    if (alpha < 0.5) continue;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (!/dark/.test(scheme)) return false;
  return !/light/.test(scheme) || matchMedia('(prefers-color-scheme: dark)').matches;
}
