/**
 * Agent sign-in for real (issue 13): a password checked against the config's scrypt hash, a
 * sign-in token for the same tab's reconnects, failed attempts limited across sockets, pages of
 * other origins refused, and the area rules on adding a colleague.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../demo/server/app.js';
import { hashPassword, verifyPassword } from '../../demo/server/agent-auth/passwords.js';
import { Agent, connectAgentSocket, errorCode, Visitor } from './support/chat-clients.js';
import { openRawSocket, rawSocketURL } from './support/raw-socket.js';
import { startTestServer, TEST_AGENT_PASSWORD } from './support/test-server.js';

/** The console's file-link cookie, as `POST /socket/agent.api/session` sets it for `token`. */
async function sessionCookie(
  baseURL: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cookie: string | null }> {
  const response = await fetch(`${baseURL}/socket/agent.api/session`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return { status: response.status, cookie: response.headers.get('set-cookie') };
}

let server: RunningServer;
const open: { close(): void }[] = [];
const track = <T extends { close(): void }>(client: T): T => {
  open.push(client);
  return client;
};

before(async () => {
  server = await startTestServer();
});
after(async () => {
  for (const client of open) client.close();
  await server.close();
});

describe('password hashes', () => {
  it('verify the password they were made from and nothing else', async () => {
    const hash = await hashPassword('correct horse battery', { log2N: 10, r: 8, p: 1 });
    assert.match(hash, /^scrypt\$10\$8\$1\$/);
    assert.equal(await verifyPassword('correct horse battery', hash), true);
    assert.equal(await verifyPassword('correct horse batterY', hash), false);
    assert.equal(await verifyPassword('correct horse battery', 'plain text'), false);
  });
});

describe('agent sign-in', () => {
  it('refuses a name without a password, and a wrong password, like an unknown name', async () => {
    const client = track(await connectAgentSocket(server.baseURL));
    assert.equal(
      errorCode(await client.requestUnchecked('login', { name: 'Alice' })),
      'sign_in_refused',
    );
    const wrong = await client.request('login', { name: 'Alice', password: 'alice' });
    assert.equal(errorCode(wrong), 'sign_in_refused');
    assert.deepEqual(wrong.args[0], {
      code: 'sign_in_refused',
      message: 'Wrong name or password.',
    });
    const unknown = await client.request('login', { name: 'Mallory', password: 'x' });
    assert.deepEqual(unknown.args[0], wrong.args[0]);
    // Still not signed in: chats cannot be read by number.
    assert.equal(errorCode(await client.request('chat', { sessionId: 1 })), 'not_signed_in');
  });

  it('signs in with the password and again with the sign-in token, not with a forged one', async () => {
    const alice = track(await Agent.signIn(server.baseURL, 'alice'));
    assert.equal(alice.name, 'Alice');
    const first = alice.socket.all('login')[0]?.args[0];
    const signInToken = first?.signInToken ?? '';
    assert.ok(signInToken.length > 40);

    const again = track(await connectAgentSocket(server.baseURL));
    const resumed = await again.request('login', { name: 'Alice', token: signInToken });
    assert.equal(resumed.event, 'login');
    // The token is Alice's: it does not sign in Bob, and a changed signature is refused.
    const other = track(await connectAgentSocket(server.baseURL));
    assert.equal(
      errorCode(await other.request('login', { name: 'Bob', token: signInToken })),
      'sign_in_refused',
    );
    const [payload] = signInToken.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: 'Bob', exp: Date.now() + 1e9 })).toString('base64url')}.${signInToken.split('.')[1] ?? ''}`;
    assert.notEqual(payload, forged.split('.')[0]);
    assert.equal(
      errorCode(await other.request('login', { name: 'Bob', token: forged })),
      'sign_in_refused',
    );
  });

  it('limits failed sign-ins per address across sockets, even for the right password', async () => {
    const limited = await startTestServer({
      admission: { failedSignIns: { burst: 5, perSecond: 0.01 } },
    });
    try {
      const sockets = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(() =>
          openRawSocket(rawSocketURL(limited.baseURL, 'agent'), { localAddress: '127.0.1.2' }),
        ),
      );
      const codes: string[] = [];
      for (const [index, socket] of sockets.entries()) {
        socket.send('login', { name: 'Alice', password: `guess-${index}` }, 1);
        const answer = await socket.next((event) => event.re === 1);
        codes.push((answer.args[0] as { code: string }).code);
      }
      assert.deepEqual(codes, [
        ...Array<string>(5).fill('sign_in_refused'),
        'rate_limited', // the 6th guess is not even checked
      ]);
      const last = sockets[5];
      last?.send('login', { name: 'Alice', password: TEST_AGENT_PASSWORD }, 2);
      const right = await last?.next((event) => event.re === 2);
      assert.equal((right?.args[0] as { code?: string }).code, 'rate_limited');
      // Another address is not locked out by that one.
      const elsewhere = await openRawSocket(rawSocketURL(limited.baseURL, 'agent'), {
        localAddress: '127.2.3.4',
      });
      elsewhere.send('login', { name: 'Bob', password: TEST_AGENT_PASSWORD }, 1);
      assert.equal((await elsewhere.next((event) => event.re === 1)).event, 'login');
      for (const socket of [...sockets, elsewhere]) socket.close();
    } finally {
      await limited.close();
    }
  });

  it("refuses the agent socket to a page of another origin, accepts the server's own", async () => {
    const url = rawSocketURL(server.baseURL, 'agent');
    await assert.rejects(
      openRawSocket(url, { origin: 'http://evil.example' }),
      /refused with HTTP 403/,
    );
    const own = new URL(server.url).origin;
    const socket = await openRawSocket(url, { origin: own });
    socket.send('login', { name: 'Bob', password: TEST_AGENT_PASSWORD }, 1);
    assert.equal((await socket.next((event) => event.re === 1)).event, 'login');
    socket.close();
    // The polling transports are checked the same way.
    const response = await fetch(`${server.baseURL}/socket/agent/000/abc/xhr`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    });
    assert.equal(response.status, 403);
    // The visitor socket stays open to every origin: the widget runs on customers' sites.
    const visitor = await openRawSocket(rawSocketURL(server.baseURL, 'external'), {
      origin: 'http://customer.example',
    });
    visitor.close();
  });
});

describe('area rules for agents', () => {
  it('an agent cannot add a colleague who does not serve the chat’s area', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register({ area: 1 });
    const alice = track(await Agent.signIn(server.baseURL, 'Alice'));
    await alice.accept(session.sessionId);
    // Carol serves area 2 only.
    const answer = await alice.socket.request('add agent', {
      sessionId: session.sessionId,
      name: 'Carol',
    });
    assert.equal(errorCode(answer), 'not_in_area');
    await alice.act('add agent', { sessionId: session.sessionId, name: 'Bob' });
  });

  it('agent text that starts with the structured-item marker arrives as text', async () => {
    const visitor = track(await Visitor.connect(server.baseURL));
    const session = await visitor.register({ area: 1 });
    const alice = track(await Agent.signIn(server.baseURL, 'Alice'));
    await alice.accept(session.sessionId);
    const forged = '\u0001{"event":"OWNER_ENDS_CHAT","name":"Alice"}';
    await alice.say(session.sessionId, forged);
    const seen = await visitor.nextMessage((message) => message.text.includes('OWNER_ENDS_CHAT'));
    assert.equal(seen.text, forged.slice(1));
    assert.equal(seen.sender, 'AGENT');
  });
});

describe("the console's file-link cookie", () => {
  it('is HttpOnly and SameSite=Strict, set only for a live token, not Secure over plain HTTP', async () => {
    const alice = track(await Agent.signIn(server.baseURL, 'Alice'));
    const { status, cookie } = await sessionCookie(server.baseURL, alice.token);
    assert.equal(status, 200);
    const attributes = (cookie ?? '').split('; ');
    assert.equal(attributes[0], `cention-agent=${alice.token}`);
    assert.ok(
      attributes.includes('HttpOnly') && attributes.includes('SameSite=Strict'),
      String(cookie),
    );
    assert.ok(!attributes.includes('Secure'), String(cookie));
    // A forwarded-protocol header is anyone's to send: it does not make the cookie Secure here.
    const forwarded = await sessionCookie(server.baseURL, alice.token, {
      'x-forwarded-proto': 'https',
    });
    assert.ok(!(forwarded.cookie ?? '').split('; ').includes('Secure'), forwarded.cookie ?? '');
    const forged = await sessionCookie(server.baseURL, 'not-a-token');
    assert.deepEqual(forged, { status: 401, cookie: null });
  });

  it('is Secure when the server is published over TLS (PUBLIC_URL https://…, behind a proxy)', async () => {
    const published = await startTestServer({ publicURL: 'https://chat.example.com' });
    try {
      const alice = await Agent.signIn(published.baseURL, 'Alice');
      try {
        const { status, cookie } = await sessionCookie(published.baseURL, alice.token);
        assert.equal(status, 200);
        assert.ok((cookie ?? '').split('; ').includes('Secure'), cookie ?? '');
      } finally {
        alice.close();
      }
    } finally {
      await published.close();
    }
  });
});
