import { render } from 'preact';
import { renderTarget } from './support/render-target';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LibraryBar } from '@/components/LibraryBar';

const container = renderTarget();

const mount = (shown: number, total: number | undefined) =>
  act(() =>
    render(
      <LibraryBar
        shown={shown}
        total={total}
        formats={[{ id: 'bibtex', label: 'BibTeX' }]}
        busy={false}
        onExport={() => undefined}
        onFile={() => undefined}
      />,
      container(),
    ),
  );

it('says it is loading, not "0 bookmarks", while the library is read', () => {
  mount(0, undefined);
  expect(container().querySelector('.library-count')?.textContent).toBe('Loading…');
  mount(0, 0);
  expect(container().querySelector('.library-count')?.textContent).toBe('0 bookmarks');
  mount(3, 5000);
  expect(container().querySelector('.library-count')?.textContent).toBe('3 of 5000 bookmarks');
});
