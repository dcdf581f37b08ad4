/**
 * Admission limits: how much one address may ask of the server across all its connections. The
 * per-connection frame rate (`rate-limit.ts`) alone lets a client that opens many sockets create
 * sessions, guess passwords or hold connections without bound; these limits stop that before work
 * is done.
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
}

/**
 * An office behind one NAT address still gets 20 chats at once and 10 a minute after; 10 wrong
 * passwords, then one every 6 s; 100 sockets (tabs) per address.
 */
export const DEFAULT_ADMISSION: AdmissionLimits = {
  newChatsPerAddress: { burst: 20, perSecond: 10 / 60 },
  failedSignIns: { burst: 10, perSecond: 10 / 60 },
  connectionsPerAddress: 100,
  refusedFrames: { burst: 60, perSecond: 2 },
  uploads: { burst: 10, perSecond: 10 / 60 },
  ratings: { burst: 10, perSecond: 10 / 60 },
};
