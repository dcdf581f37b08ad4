/**
 * The HTTP endpoints savehistory and printhistory opened with the session secret: the escaped
 * transcript as a file or a printable page, and nothing for a wrong secret or area. Bad input must
 * always come back as a 4xx with `{error: {code, message}}`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, expectError, newSession, useHttpServer } from './support/http-server.js';

useHttpServer();

describe('transcripts', () => {
  it('savehistory downloads the escaped transcript as an HTML file', async () => {
    const { visitor, session } = await newSession();
    await visitor.say('<script>alert(1)</script> & more');
    const response = await fetch(
      `${api}/savehistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /attachment; filename="chat-\d+\.html"/,
    );
    const html = await response.text();
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('Hello, I have a question'));
  });

  it('printhistory shows the transcript with a print button', async () => {
    const { session } = await newSession();
    const response = await fetch(
      `${api}/printhistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`,
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-disposition'), null);
    const html = await response.text();
    assert.match(html, /window\.print\(\)/);
    assert.match(html, /Vera Visitor/);
  });

  it('says "The visitor ended the chat." for a chat its visitor ended', async () => {
    const { visitor, session } = await newSession();
    visitor.socket.send('close chat', {});
    await visitor.socket.waitFor('finish chat session');
    const html = await (
      await fetch(`${api}/savehistory?area=1&secret=${encodeURIComponent(session.sessionSecret)}`)
    ).text();
    assert.match(html, /The visitor ended the chat\./);
    assert.doesNotMatch(html, /Client ended/);
  });

  it('a wrong or missing secret, or a wrong area, sees nothing', async () => {
    const { session } = await newSession();
    await expectError(await fetch(`${api}/savehistory?area=1&secret=wrong`), 403, 'bad_secret');
    await expectError(await fetch(`${api}/printhistory?area=1`), 400, 'bad_request');
    await expectError(
      await fetch(`${api}/savehistory?area=2&secret=${encodeURIComponent(session.sessionSecret)}`),
      403,
      'bad_secret',
    );
  });
});
