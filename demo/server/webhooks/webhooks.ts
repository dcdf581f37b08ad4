/**
 * Sends webhook events to the subscribers in the config, never in a visitor's way: `emit` only
 * puts the event in each subscriber's queue and returns. Each subscriber's queue is drained by a
 * few deliveries at a time; a failed delivery (network error, timeout, non-2xx) is tried again with
 * exponential backoff and jitter, and given up (logged) after the last attempt. A queue is capped:
 * when a subscriber is so slow that its queue fills, the oldest event is dropped and logged, so a
 * dead subscriber costs bounded memory and never slows anyone else.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.js';
import { TIMESTAMP_HEADER } from './signature.js';
import type { WebhookDelivery, WebhookEvent } from './webhook-events.js';

export interface WebhookSubscriber {
  url: string;
  /** Shared with the receiver; signs every delivery. */
  secret: string;
  /** Events it wants; every event when left out. */
  events?: WebhookEvent[];
}

export interface WebhookOptions {
  logger: Logger;
  /** Events waiting per subscriber before the oldest is dropped (default 1000). */
  maxQueue?: number;
  /** Deliveries in flight per subscriber (default 4). */
  concurrency?: number;
  /** Tries per event, the first included (default 5). */
  attempts?: number;
  /** First retry delay; doubles each time, with full jitter (default 1000 ms). */
  backoffMs?: number;
  /** A delivery not answered in this long failed (default 5000 ms). */
  timeoutMs?: number;
  /** Clock in unix ms (the signature's timestamp and `createdAt`). */
  now?: () => number;
}

interface Pending {
  delivery: WebhookDelivery;
  attempt: number;
}

/** One subscriber's queue and the deliveries under way. */
class SubscriberQueue {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controllers = new Set<AbortController>();
  private stopped = false;

  constructor(
    readonly subscriber: WebhookSubscriber,
    private readonly options: Required<Omit<WebhookOptions, 'logger'>> & { logger: Logger },
  ) {}

  push(pending: Pending): void {
    if (this.stopped) return;
    if (this.waiting.length >= this.options.maxQueue) {
      const dropped = this.waiting.shift();
      this.options.logger.warn(
        { url: this.subscriber.url, event: dropped?.delivery.event, id: dropped?.delivery.id },
        'webhook queue full; oldest event dropped',
      );
    }
    this.waiting.push(pending);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.options.concurrency && this.waiting.length > 0) {
      const next = this.waiting.shift() as Pending;
      this.inFlight += 1;
      void this.deliver(next).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async deliver(pending: Pending): Promise<void> {
    const { delivery } = pending;
    const body = JSON.stringify(delivery);
    const timestamp = Math.floor(this.options.now() / 1000);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let problem: string | undefined;
    try {
      const response = await fetch(this.subscriber.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cention-chat-webhooks',
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(this.subscriber.secret, timestamp, body),
        },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      // The answer's body is not read (a huge one must not cost us): just release it.
      void response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) problem = `status ${response.status}`;
    } catch (error) {
      problem = controller.signal.aborted ? 'timed out' : (error as Error).message;
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    if (problem === undefined || this.stopped) return;
    const log = { url: this.subscriber.url, event: delivery.event, id: delivery.id, problem };
    if (pending.attempt + 1 >= this.options.attempts) {
      this.options.logger.error({ ...log, attempts: pending.attempt + 1 }, 'webhook given up');
      return;
    }
    const delay = Math.random() * this.options.backoffMs * 2 ** pending.attempt;
    this.options.logger.warn(
      { ...log, attempt: pending.attempt + 1, retryInMs: Math.round(delay) },
      'webhook failed; will retry',
    );
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.push({ delivery, attempt: pending.attempt + 1 });
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const controller of this.controllers) controller.abort();
    this.waiting.length = 0;
  }

  get queued(): number {
    return this.waiting.length + this.inFlight + this.timers.size;
  }
}

export class Webhooks {
  private readonly queues: SubscriberQueue[];
  private readonly now: () => number;

  constructor(subscribers: readonly WebhookSubscriber[], options: WebhookOptions) {
    const settings = {
      maxQueue: 1000,
      concurrency: 4,
      attempts: 5,
      backoffMs: 1000,
      timeoutMs: 5000,
      now: Date.now,
      ...options,
    };
    this.now = settings.now;
    this.queues = subscribers.map((subscriber) => new SubscriberQueue(subscriber, settings));
  }

  /**
   * Queues `event` for every subscriber that wants it and returns at once; the deliveries happen
   * later. `data` must be JSON (it is what the receiver gets as the body's `data`).
   */
  emit(event: WebhookEvent, data: WebhookDelivery['data']): void {
    const delivery: WebhookDelivery = {
      id: randomUUID(),
      event,
      createdAt: new Date(this.now()).toISOString(),
      data,
    };
    for (const queue of this.queues) {
      if (queue.subscriber.events && !queue.subscriber.events.includes(event)) continue;
      queue.push({ delivery, attempt: 0 });
    }
  }

  /** Events waiting, in flight or waiting to be retried, over all subscribers (tests, metrics). */
  get pending(): number {
    return this.queues.reduce((sum, queue) => sum + queue.queued, 0);
  }

  /** Drops what is queued and aborts what is in flight (server shutdown). */
  close(): void {
    for (const queue of this.queues) queue.stop();
  }
}
