import type { ComponentChildren } from 'preact';

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty" role="note">
      <p class="empty-title">{title}</p>
      {children && <p class="empty-body">{children}</p>}
    </div>
  );
}
