import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh element in the document for each test of the calling suite to render into, unmounted
 * and removed after the test. Returns the current test's element.
 */
export function renderTarget(): () => HTMLElement {
  let element: HTMLElement | undefined;
  beforeEach(() => {
    element = document.createElement('div');
    document.body.append(element);
  });
  afterEach(() => {
    render(null, element!);
    element!.remove();
    element = undefined;
  });
  return () => element!;
}
