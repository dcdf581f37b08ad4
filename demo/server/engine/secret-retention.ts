/**
 * A session secret outlives its chat only for a while: the visitor may still save the transcript
 * and fetch the chat's files after it ends, but a secret that leaked (a shared screen, a browser
 * history, a log) must not open the chat for ever. After `secretRetentionSeconds` from the close,
 * every request the secret authorises is refused exactly as for a wrong secret.
 */
import type { SessionRecord } from '../store.js';
import type { Directory } from './directory.js';

/** Whether the session's secret still authorises anything at `now` (an open chat's always does). */
export function secretInForce(session: SessionRecord, directory: Directory, now: number): boolean {
  if (session.status !== 'closed') return true;
  // A closed chat without a close time (not written by this server) has no retention to run.
  if (session.closedAt === null) return false;
  return now - session.closedAt <= directory.secretRetentionMs(session.areaId);
}
