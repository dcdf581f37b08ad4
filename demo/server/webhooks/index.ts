/**
 * Signed webhooks: `webhooks.emit(event, data)` queues an event for the config's subscribers and
 * returns at once. A running server's instance is `server.contactCenter.webhooks`.
 */
export { Webhooks, type WebhookOptions, type WebhookSubscriber } from './webhooks.js';
export * from './signature.js';
export * from './webhook-events.js';
