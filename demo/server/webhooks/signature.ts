/**
 * Webhook signatures: HMAC-SHA256 over `<timestamp>.<body>` with the subscriber's secret, hex, sent
 * as `X-Cention-Signature: sha256=<hex>` beside `X-Cention-Timestamp: <unix seconds>`. Signing the
 * timestamp with the body lets a receiver refuse a replayed old delivery (docs/rest.md, "Verifying a
 * webhook"). `verifyWebhookSignature` is what a receiver runs; the server's tests use it too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-cention-signature';
export const TIMESTAMP_HEADER = 'x-cention-timestamp';
export const EVENT_HEADER = 'x-cention-event';
export const DELIVERY_HEADER = 'x-cention-delivery';

/** How old a delivery a receiver should still take (the default of the verifier). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyOptions {
  toleranceSeconds?: number;
  /** Unix ms (tests). */
  now?: number;
}

/** True when `signature` is the secret's signature of this timestamp and exact body, and fresh. */
export function verifyWebhookSignature(
  secret: string,
  timestampHeader: string | undefined,
  body: string,
  signatureHeader: string | undefined,
  options: VerifyOptions = {},
): boolean {
  if (!timestampHeader || !signatureHeader || !/^\d{1,12}$/.test(timestampHeader)) return false;
  const timestamp = Number(timestampHeader);
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return false;
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
