/**
 * Saves `text` as a file through the browser's download, from memory: the object URL points at a
 * Blob in this page, so nothing is sent anywhere.
 */
export function downloadTextFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken the Blob by the time the click returns; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
