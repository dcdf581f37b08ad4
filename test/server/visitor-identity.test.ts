/**
 * Signed visitor tokens (issue 11, identity.ts): a token the site's back end signed with the
 * area's secret makes the visitor verified for agents, with name and e-mail from the token; every
 * kind of bad token is refused with a stable code and makes no chat, so the visitor can start
 * again as a guest.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import type { RunningServer } from '../../demo/server/app.js';
import { validateConfig } from '../../demo/server/config.js';
import { Agent, errorCode, firstArg, Visitor } from './support/chat-clients.js';
import { startTestServer, testConfig } from './support/test-server.js';

const SITE_SECRET = 'site-secret-that-is-at-least-32-characters-long';
const AREA_2_SECRET = 'another-secret-for-sales-only-32-characters';
const key = (secret: string) => new TextEncoder().encode(secret);

/** A token as a site's back end makes it (the README's example). */
function siteToken(
  claims: Record<string, unknown> = { name: 'Vera Verified', email: 'vera@site.example' },
  options: { secret?: string; expiresIn?: string | number; subject?: string | null } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'user-4711');
  if (options.expiresIn !== undefined) jwt = jwt.setExpirationTime(options.expiresIn);
  else jwt = jwt.setExpirationTime('10m');
  return jwt.sign(key(options.secret ?? SITE_SECRET));
}

let server: RunningServer;
before(async () => {
  const config = testConfig([{}, { queueWithoutAgents: true }]);
  server = await startTestServer({
    config: {
      ...config,
      visitorIdentity: { secret: SITE_SECRET, maxLifetimeSeconds: 3600 },
      areas: [
        config.areas[0]!,
        { ...config.areas[1]!, visitorIdentity: { secret: AREA_2_SECRET } },
      ],
    },
  });
});
after(() => server.close());

/** A register frame with the token; answers the first event for it. */
async function registerWith(visitorToken: string, fields: Record<string, unknown> = {}) {
  const visitor = await Visitor.connect(server.baseURL);
  const answer = await visitor.socket.requestUnchecked('register', {
    area: 1,
    name: '',
    email: '',
    message: 'Where is my order?',
    visitorToken,
    ...fields,
  });
  return { visitor, answer };
}

describe('an accepted token', () => {
  it('names the visitor and shows them as verified to the agent', async () => {
    const { visitor, answer } = await registerWith(await siteToken(), {
      name: 'Someone Else',
      email: 'typed@example.com',
    });
    assert.equal(answer.event, 'register');
    const session = firstArg<{ sessionId: number; clientName: string }>(answer);
    assert.equal(session.clientName, 'Vera Verified', 'the token wins over the typed name');
    const alice = await Agent.signIn(server.baseURL, 'Alice');
    const chat = await alice.accept(session.sessionId);
    assert.equal(chat.client.verified, true);
    assert.equal(chat.client.userId, 'user-4711');
    assert.equal(chat.client.name, 'Vera Verified');
    assert.equal(chat.client.email, 'vera@site.example');
    alice.close();
    visitor.close();
  });

  it('without a name claim keeps the name the visitor typed, still verified', async () => {
    const { visitor, answer } = await registerWith(await siteToken({}), {
      name: 'Typed Name',
      email: 'typed@example.com',
    });
    const session = firstArg<{ sessionId: number; clientName: string }>(answer);
    assert.equal(session.clientName, 'Typed Name');
    const alice = await Agent.signIn(server.baseURL, 'Alice');
    const chat = await alice.accept(session.sessionId);
    assert.equal(chat.client.verified, true);
    assert.equal(chat.client.email, 'typed@example.com');
    alice.close();
    visitor.close();
  });

  it('a guest is not verified', async () => {
    const visitor = await Visitor.connect(server.baseURL);
    const session = await visitor.register();
    const alice = await Agent.signIn(server.baseURL, 'Alice');
    const chat = await alice.accept(session.sessionId);
    assert.equal(chat.client.verified, false);
    assert.equal(chat.client.userId, undefined);
    alice.close();
    visitor.close();
  });

  it('an area with its own secret takes only tokens signed with it', async () => {
    const sales = await registerWith(await siteToken(undefined, { secret: AREA_2_SECRET }), {
      area: 2,
    });
    assert.equal(sales.answer.event, 'register');
    const wrongArea = await registerWith(await siteToken(), { area: 2 });
    assert.equal(errorCode(wrongArea.answer), 'visitor_token_invalid');
    sales.visitor.close();
    wrongArea.visitor.close();
  });
});

describe('a refused token makes no chat and says why', () => {
  const cases: [string, () => Promise<string>, string][] = [
    [
      'expired',
      () => siteToken(undefined, { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
      'visitor_token_expired',
    ],
    [
      'signed with the wrong secret',
      () => siteToken(undefined, { secret: 'x'.repeat(40) }),
      'visitor_token_invalid',
    ],
    [
      'alg none (unsigned)',
      async () =>
        new UnsecuredJWT({ name: 'Mallory' }).setSubject('admin').setExpirationTime('10m').encode(),
      'visitor_token_invalid',
    ],
    [
      'without exp',
      () =>
        new SignJWT({ name: 'Forever' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('user-1')
          .sign(key(SITE_SECRET)),
      'visitor_token_invalid',
    ],
    ['without sub', () => siteToken(undefined, { subject: null }), 'visitor_token_invalid'],
    [
      'living longer than the area allows',
      () => siteToken(undefined, { expiresIn: '30d' }),
      'visitor_token_invalid',
    ],
    [
      'huge (over 4096 characters)',
      async () => (await siteToken()) + 'A'.repeat(5000),
      'visitor_token_invalid',
    ],
    ['not a JWT at all', async () => 'not-a-token', 'visitor_token_invalid'],
    [
      'with a tampered payload',
      async () => {
        const [header, , signature] = (await siteToken()).split('.');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'admin', name: 'Admin', exp: Math.floor(Date.now() / 1000) + 600 }),
        ).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
      'visitor_token_invalid',
    ],
  ];
  for (const [what, makeToken, code] of cases) {
    it(what, async () => {
      const alice = await Agent.signIn(server.baseURL, 'Alice');
      const { visitor, answer } = await registerWith(await makeToken(), { name: 'Guest Name' });
      assert.equal(errorCode(answer), code);
      assert.equal(answer.event, 'error');
      const message = firstArg<{ message: string }>(answer).message;
      assert.match(message, /visitor token/);
      // No chat was made: the visitor starts again as a guest on the same connection.
      const guest = await visitor.register({ name: 'Guest Name' });
      const chat = await alice.accept(guest.sessionId);
      assert.equal(chat.client.verified, false);
      assert.equal(chat.client.name, 'Guest Name');
      alice.close();
      visitor.close();
    });
  }

  it('without a name anywhere the register is a bad frame', async () => {
    const { visitor, answer } = await registerWith(await siteToken({}));
    assert.equal(errorCode(answer), 'bad_frame');
    visitor.close();
  });
});

describe('config', () => {
  it('refuses a short secret at start', () => {
    assert.throws(
      () => validateConfig({ ...testConfig(), visitorIdentity: { secret: 'short' } }),
      /visitorIdentity\.secret: expected a secret of at least 32 characters/,
    );
  });

  it('an area without a secret (and no server-wide one) refuses tokens', async () => {
    const plain = await startTestServer();
    try {
      const visitor = await Visitor.connect(plain.baseURL);
      const answer = await visitor.socket.requestUnchecked('register', {
        area: 1,
        name: 'Vera',
        email: '',
        message: 'hi',
        visitorToken: await siteToken(),
      });
      assert.equal(errorCode(answer), 'visitor_token_invalid');
      assert.match(firstArg<{ message: string }>(answer).message, /does not take visitor tokens/);
      visitor.close();
    } finally {
      await plain.close();
    }
  });
});
