let marked = false;

/**
 * Marks the moment the popup's first row is on screen (`performance.mark('paperpulse:first-row')`,
 * next frame after it rendered): what `npm run bench` compares with a blank extension page, and
 * what a user sees in DevTools' performance panel.
 */
export function markFirstRow(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => performance.mark('paperpulse:first-row'));
}
