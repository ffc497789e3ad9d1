/**
 * Saves text as a file through an `<a download>` on a Blob URL: no `downloads` permission needed,
 * and it works the same in Chromium and Firefox extension pages.
 */
export function downloadText(
  text: string,
  fileName: string,
  mimeType: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the Blob (Firefox does).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
