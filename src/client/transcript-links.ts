/**
 * Signed transcript links (loaded when a chat's end view first shows them): the save and print
 * addresses without the session secret in them, so the secret does not land in browser history,
 * bookmarks or a pasted link. The server checks them in demo/server/engine/transcript-links.ts.
 * Hand-written with WebCrypto's HMAC rather than a JWT library: it is the whole job, in ~30 lines.
 */
import { apiURL, transcriptURL } from './http.js';

/** How long a link stays valid; the widget signs new ones before then (the server caps it at 2 h). */
export const LINK_LIFETIME_SECONDS = 60 * 60;

/** When the controller signs new links: a minute before these expire. */
export const RESIGN_AFTER_MS = (LINK_LIFETIME_SECONDS - 60) * 1000;

export interface TranscriptLinks {
  saveTranscriptURL: string;
  printTranscriptURL: string;
}

const base64url = (bytes: ArrayBuffer): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * The two links for a session, valid for LINK_LIFETIME_SECONDS. Without WebCrypto (a page served
 * over plain http from another host than localhost) there is no signing: undefined, and the
 * caller falls back to chat-api.txt's secret links.
 */
export async function signTranscriptLinks(
  baseURL: string,
  area: number,
  sessionId: number,
  secret: string,
  nowMs = Date.now(),
): Promise<TranscriptLinks | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const expires = Math.floor(nowMs / 1000) + LINK_LIFETIME_SECONDS;
  const encoder = new TextEncoder();
  const key = await subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signed = await subtle.sign(
    'HMAC',
    key,
    encoder.encode(`transcript:${sessionId}:${expires}`),
  );
  const query = `?area=${area}&session=${sessionId}&expires=${expires}&signature=${base64url(signed)}`;
  return {
    saveTranscriptURL: apiURL(baseURL, 'savehistory') + query,
    printTranscriptURL: apiURL(baseURL, 'printhistory') + query,
  };
}

/** Signed links, or chat-api.txt's secret links where WebCrypto is missing. */
export async function transcriptLinks(
  baseURL: string,
  area: number,
  sessionId: number,
  secret: string,
): Promise<TranscriptLinks> {
  return (
    (await signTranscriptLinks(baseURL, area, sessionId, secret)) ?? {
      saveTranscriptURL: transcriptURL(baseURL, 'savehistory', area, secret),
      printTranscriptURL: transcriptURL(baseURL, 'printhistory', area, secret),
    }
  );
}
