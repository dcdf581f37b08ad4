/**
 * Agent passwords, stored in the config as scrypt hashes (node:crypto, no native add-on):
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` in base64url. The parameters travel in the string, so a
 * config made with other costs keeps working when the default changes.
 */
import {
  randomBytes,
  randomInt,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

/** N = 2^15, r = 8, p = 1: about 32 MB and tens of milliseconds per check on a small machine. */
const DEFAULT_COST = { log2N: 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const HASH_PATTERN = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]{16,})\$([\w-]{32,})$/;
/** What a config's `passwordHash` must look like (checked at start, before anyone signs in). */
export const PASSWORD_HASH_PATTERN = HASH_PATTERN.source;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const scryptOptions = (log2N: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** log2N,
  r,
  p,
  // node's default (32 MB) is exactly what N = 2^15, r = 8 needs; leave headroom.
  maxmem: 2 ** log2N * r * 128 * 2,
});

/** A new hash of `password` for the config (`npm run agent-password` prints one). */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, scryptOptions(cost.log2N, cost.r, cost.p));
  return [
    'scrypt',
    cost.log2N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** True when `password` matches `hash`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(hash);
  if (!match) return false;
  const [, log2N, r, p, salt, expected] = match;
  const wanted = Buffer.from(expected ?? '', 'base64url');
  const key = await scrypt(
    password,
    Buffer.from(salt ?? '', 'base64url'),
    scryptOptions(Number(log2N), Number(r), Number(p)),
  );
  return key.length === wanted.length && timingSafeEqual(key, wanted);
}

/** A hash no password matches: checked for unknown names, so they take as long as known ones. */
export const NO_PASSWORD_HASH = `scrypt$15$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/** A random password of letters and digits people can type, for the demo agents. */
export function randomPassword(length = 16): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
