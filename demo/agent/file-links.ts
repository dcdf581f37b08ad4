/**
 * File links in the console: only this server's own download addresses become links, and the
 * agent's token travels in a request header, never in a URL (where it would reach history, logs
 * and the Referer). A robot or anyone else who forges a FILE_UPLOAD item pointing elsewhere gets
 * the file name shown as text, not a link that carries the token off.
 */

/** The same-origin path of an own download address (`<basePath>/socket/external.api/download/<id>`). */
export function ownDownloadPath(fileDownload: string, basePath: string): string | undefined {
  let url: URL;
  try {
    url = new URL(fileDownload, location.href);
  } catch {
    return undefined;
  }
  const base = new URL(basePath, location.href);
  if (url.origin !== location.origin || url.search !== '' || url.hash !== '') return undefined;
  const prefix = `${base.pathname.replace(/\/$/, '')}/socket/external.api/download/`;
  const fileId = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
  return /^[\w-]{1,100}$/.test(fileId) ? url.pathname : undefined;
}

/** Fetches the file with the token in the `Authorization` header and saves it under `fileName`. */
export async function downloadWithToken(
  path: string,
  token: string,
  fileName: string,
): Promise<void> {
  const response = await fetch(path, {
    headers: { authorization: `Bearer ${token}` },
    referrerPolicy: 'no-referrer',
  });
  if (!response.ok) throw new Error(`The download failed (${response.status}).`);
  const blobURL = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = blobURL;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the blob goes.
    setTimeout(() => URL.revokeObjectURL(blobURL), 60_000);
  }
}
