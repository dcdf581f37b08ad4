/**
 * Admission limits: how much one address may ask of the server across all its connections. The
 * per-connection frame rate (`rate-limit.ts`) alone lets a client that opens many sockets create
 * sessions, guess passwords or hold connections without bound; these limits stop that before work
 * is done. This is the one place of the numbers: the sockets take them as token buckets
 * (`keyed-limit.ts`), the HTTP routes through `@fastify/rate-limit` with the same buckets
 * (`http-rate-limit.ts`), so a `{burst, perSecond}` means the same on both.
 */
import type { RateLimitOptions } from './rate-limit.js';

export interface AdmissionLimits {
  /** New chats (`register`) per address: a burst, then a steady rate. */
  newChatsPerAddress: RateLimitOptions;
  /** Failed agent sign-ins per address, and per agent name from anywhere. */
  failedSignIns: RateLimitOptions;
  /** Open connections per address on each socket. */
  connectionsPerAddress: number;
  /** Refused frames a connection may send (burst, refill per second) before it is closed. */
  refusedFrames: RateLimitOptions;
  /** Uploads per chat and per address: a burst, then a steady rate. */
  uploads: RateLimitOptions;
  /** Chat ratings (`POST rating`) per address: a visitor rates once, so few. */
  ratings: RateLimitOptions;
  /** `GET canchat` per address: one per page view of a page with the widget. */
  canChat: RateLimitOptions;
  /** File downloads per address (images of a chat's log, agents' downloads). */
  downloads: RateLimitOptions;
  /** `savehistory` / `printhistory` per address. */
  transcripts: RateLimitOptions;
  /** The console's cookie request (`agent.api/session`) per address: once per sign-in. */
  agentSessions: RateLimitOptions;
  /** Robot API calls (`/api/bot/*`) per address: one robot server answers many chats. */
  robotApi: RateLimitOptions;
}

/**
 * An office behind one NAT address still gets 20 chats at once and 10 a minute after; 10 wrong
 * passwords, then one every 6 s; 100 sockets (tabs) per address; 120 page views at once, then 2 a
 * second; 600 downloads at once, then 10 a second.
 */
export const DEFAULT_ADMISSION: AdmissionLimits = {
  newChatsPerAddress: { burst: 20, perSecond: 10 / 60 },
  failedSignIns: { burst: 10, perSecond: 10 / 60 },
  connectionsPerAddress: 100,
  refusedFrames: { burst: 60, perSecond: 2 },
  uploads: { burst: 10, perSecond: 10 / 60 },
  ratings: { burst: 10, perSecond: 10 / 60 },
  canChat: { burst: 120, perSecond: 2 },
  downloads: { burst: 600, perSecond: 10 },
  transcripts: { burst: 60, perSecond: 1 },
  agentSessions: { burst: 60, perSecond: 1 },
  robotApi: { burst: 2000, perSecond: 200 },
};
