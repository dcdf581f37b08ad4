/**
 * The HTTP endpoints savehistory and printhistory opened by a signed link (no secret in the URL):
 * a good signature opens the transcript; a tampered, foreign, expired or too far-dated one does
 * not. Bad input must always come back as a 4xx with `{error: {code, message}}`.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { api, expectError, newSession, useHttpServer } from './support/http-server.js';

useHttpServer();

describe('signed transcript links (no secret in the URL)', () => {
  // Signed here with node:crypto, as the widget signs with WebCrypto: HMAC-SHA256 keyed by the secret.
  const sign = (secret: string, sessionId: number, expires: number) =>
    createHmac('sha256', secret).update(`transcript:${sessionId}:${expires}`).digest('base64url');
  const link = (sessionId: number, expires: number, signature: string, endpoint = 'savehistory') =>
    `${api}/${endpoint}?area=1&session=${sessionId}&expires=${expires}&signature=${signature}`;
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  it('opens the transcript, for save and for print, whatever area the page names', async () => {
    const { visitor, session } = await newSession();
    await visitor.say('signed and sealed');
    const expires = inAnHour();
    const signature = sign(session.sessionSecret, session.sessionId, expires);
    const saved = await fetch(link(session.sessionId, expires, signature));
    assert.equal(saved.status, 200);
    assert.match(saved.headers.get('content-disposition') ?? '', /attachment/);
    assert.ok((await saved.text()).includes('signed and sealed'));
    const printed = await fetch(link(session.sessionId, expires, signature, 'printhistory'));
    assert.equal(printed.status, 200);
    // The session, not the element, decides the area: a link naming another area still opens.
    const otherArea = link(session.sessionId, expires, signature).replace('area=1', 'area=2');
    assert.equal((await fetch(otherArea)).status, 200);
  });

  it('refuses a tampered, foreign, expired or too far-dated link', async () => {
    const { session } = await newSession();
    const other = (await newSession()).session;
    const expires = inAnHour();
    const good = sign(session.sessionSecret, session.sessionId, expires);
    const flipped = (good[0] === 'A' ? 'B' : 'A') + good.slice(1);
    await expectError(await fetch(link(session.sessionId, expires, flipped)), 403, 'bad_secret');
    // Another chat's signature, or this signature on another chat.
    const foreign = sign(other.sessionSecret, other.sessionId, expires);
    await expectError(await fetch(link(session.sessionId, expires, foreign)), 403, 'bad_secret');
    await expectError(await fetch(link(other.sessionId, expires, good)), 403, 'bad_secret');
    // A later expiry than the one signed.
    await expectError(await fetch(link(session.sessionId, expires + 1, good)), 403, 'bad_secret');
    await expectError(await fetch(link(999_999, expires, good)), 403, 'bad_secret');
    const past = Math.floor(Date.now() / 1000) - 1;
    const expired = sign(session.sessionSecret, session.sessionId, past);
    await expectError(await fetch(link(session.sessionId, past, expired)), 403, 'link_expired');
    // A link dated a year ahead would be a lasting key: refused however well signed.
    const farOff = inAnHour() + 365 * 24 * 3600;
    const lasting = sign(session.sessionSecret, session.sessionId, farOff);
    await expectError(await fetch(link(session.sessionId, farOff, lasting)), 403, 'link_expired');
    await expectError(
      await fetch(`${api}/savehistory?session=${session.sessionId}&expires=${expires}`),
      400,
      'bad_request',
    );
  });
});
