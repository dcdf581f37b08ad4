/**
 * REST API keys: `ck_<id>_<secret>`, 32 random bytes of secret. Only a SHA-256 hash of the whole
 * key is stored (store/api-keys.ts), so a copy of the database opens nothing; the id in the key
 * finds the row, and the hashes are compared in constant time. Revoked keys stop at once: nothing
 * is cached, so a key revoked by the CLI is refused by a running server on its next request.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyRecord, ChatStore } from '../store.js';

const KEY_PATTERN = /^ck_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

export interface NewApiKey {
  id: string;
  name: string;
  /** The key itself: shown once, never stored. */
  key: string;
}

export function createApiKey(store: ChatStore, name: string, now = Date.now()): NewApiKey {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw new Error('name: expected 1 to 100 characters');
  }
  const id = randomBytes(6).toString('hex');
  const key = `ck_${id}_${randomBytes(32).toString('base64url')}`;
  store.apiKeys.insert({ id, name: trimmed, hash: hashOf(key), now });
  return { id, name: trimmed, key };
}

/** The key record an `Authorization: Bearer …` header names, if it is a valid, unrevoked key. */
export function authenticateApiKey(
  store: ChatStore,
  authorization: string | undefined,
): ApiKeyRecord | undefined {
  const token = /^Bearer\s+(\S{1,200})$/i.exec(authorization ?? '')?.[1];
  const id = token ? KEY_PATTERN.exec(token)?.[1] : undefined;
  if (!token || !id) return undefined;
  const record = store.apiKeys.byId(id);
  if (!record || record.revokedAt !== null) return undefined;
  const expected = Buffer.from(record.hash, 'hex');
  const given = Buffer.from(hashOf(token), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? record : undefined;
}
