/**
 * The robot module's view of the store: the token signing key, one robot binding per area and
 * the chats each area's robot was offered. The SQL lives in `../store/robots.ts`; this class adds
 * what is policy rather than storage (a fresh random key, the clock).
 */
import { randomBytes } from 'node:crypto';
import type { ChatStore, RobotBinding, RobotTables } from '../store.js';

export type { RobotBinding };

export class RobotStore {
  private readonly tables: RobotTables;

  constructor(store: ChatStore) {
    this.tables = store.robotTables();
  }

  /** The HS256 key: made once per database, so tokens survive restarts. */
  signingKey(): Uint8Array {
    const key = this.tables.signingKey(randomBytes(32), Date.now());
    if (!key) throw new Error('robot signing key missing after insert');
    return new Uint8Array(key);
  }

  binding(areaId: number): RobotBinding | undefined {
    return this.tables.binding(areaId);
  }

  saveBinding(binding: {
    areaId: number;
    userName: string;
    webhook: string;
    tokenId: string;
  }): void {
    this.tables.saveBinding(binding, Date.now());
  }

  /** Only the binding of that very token changes (a token replaced meanwhile changes nothing). */
  setRegistered(binding: RobotBinding, registered: boolean): void {
    this.tables.setRegistered(binding, registered);
  }

  isRegistered(areaId: number): boolean {
    return this.binding(areaId)?.registered ?? false;
  }

  /** Remembers that `areaId`'s robot saw this chat, so it may still comment after a handover. */
  recordOffer(sessionId: number, areaId: number): void {
    this.tables.recordOffer(sessionId, areaId, Date.now());
  }

  offeredToArea(sessionId: number): number | undefined {
    return this.tables.offeredToArea(sessionId);
  }
}
