/** The webhook events the server sends (the Cention REST overview's list) and their bodies. */

export const WEBHOOK_EVENTS = [
  'chat.started',
  'chat.message',
  'chat.ended',
  'errand.created',
  'errand.updated',
  'errand.closed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A JSON value: what `data` of a delivery may hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** The body POSTed to a subscriber. */
export interface WebhookDelivery {
  /** Unique per event (the same on every retry of it): receivers dedupe by it. */
  id: string;
  event: WebhookEvent;
  /** ISO 8601 time the event happened. */
  createdAt: string;
  data: { [key: string]: JsonValue | undefined };
}
