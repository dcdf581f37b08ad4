/**
 * File links in the console: only this server's own download addresses become links, and the
 * agent's token never travels in a URL (where it would reach history, logs and the Referer): the
 * download route reads it from an HttpOnly cookie. A FILE_UPLOAD item that points elsewhere (only
 * the server makes items, but a console should not trust that alone) shows the file name as text.
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
