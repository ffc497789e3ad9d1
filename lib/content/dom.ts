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
  adoptStyles(root, css);
  return { host, root };
}

/** One parsed stylesheet per CSS text, shared by every root: a listing's 50 chips parse it once. */
const sheets = new Map<string, CSSStyleSheet | null>();

function adoptStyles(root: ShadowRoot, css: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  try {
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Firefox refuses a sheet made in a content script's own compartment: a <style> does the same.
  }
  root.append(h('style', {}, css));
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
