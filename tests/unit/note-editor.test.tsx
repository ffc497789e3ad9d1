import { render } from 'preact';
import { renderTarget } from './support/render-target';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '@/components/NoteEditor';

const container = renderTarget();
beforeEach(() => localStorage.clear());

function mount(onSave: (note: string) => Promise<void>, note = '') {
  act(() =>
    render(
      <NoteEditor bookmarkKey="arxiv:2410.17243" note={note} title="Paper" onSave={onSave} />,
      container(),
    ),
  );
  return container().querySelector('textarea')!;
}

async function type(area: HTMLTextAreaElement, text: string) {
  await act(async () => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.dispatchEvent(new FocusEvent('blur'));
    await Promise.resolve();
  });
}

describe('NoteEditor, when a save fails', () => {
  it('says so, keeps the text and keeps it across the popup closing', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('This bookmark was removed meanwhile; nothing was saved.');
    });
    const area = mount(onSave);
    await type(area, 'Compare with SigLIP');
    expect(onSave).toHaveBeenCalledWith('Compare with SigLIP');
    expect(container().querySelector('[role=alert]')!.textContent).toContain(
      'Not saved: This bookmark was removed meanwhile',
    );
    expect(area.value).toBe('Compare with SigLIP');

    // The popup closes; next time the note opens, the unsaved text is there, and says so.
    render(null, container());
    const saved: string[] = [];
    const again = mount(async (note) => void saved.push(note));
    expect(again.value).toBe('Compare with SigLIP');
    expect(container().querySelector('[role=alert]')!.textContent).toContain('not saved last time');
    await act(async () => {
      container().querySelector<HTMLButtonElement>('[role=alert] button')!.click();
      await Promise.resolve();
    });
    expect(saved).toEqual(['Compare with SigLIP']);
    expect(container().querySelector('[role=alert]')).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('saves as usual when the worker answers', async () => {
    const saved: string[] = [];
    const area = mount(async (note) => void saved.push(note), 'old');
    await type(area, 'new text');
    expect(saved).toEqual(['new text']);
    expect(container().querySelector('[role=alert]')).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
