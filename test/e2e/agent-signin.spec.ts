/**
 * The agent console as an attacker and an agent meet it (issue 13): no sign-in without the
 * password, no framing by another site, and file items that point elsewhere (or carry a token in
 * the URL) never become links.
 */
import type { UploadResult } from '../../src/protocol/index.js';
import { Visitor } from '../server/support/chat-clients.js';
import { expect, signInAsAgent, test } from './support/fixtures.js';

test('signing in needs the password; a wrong one is refused with one message', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsAgent(page, server.agentURL, 'Alice', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong name or password.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password');
  await page.getByLabel('Password').fill('agent-test-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Alice · Connected' })).toBeVisible();
  // The password is not kept anywhere the page can read it back.
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(stored).not.toContain('agent-test-password');
  // A reload signs in again without the password (the tab's sign-in token).
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Alice · Connected' })).toBeVisible();
  await context.close();
});

test('the console refuses to be framed and its file links carry no token', async ({
  browser,
  server,
}) => {
  const response = await fetch(server.agentURL);
  expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);

  const context = await browser.newContext();
  const agent = await context.newPage();
  const requests: string[] = [];
  agent.on('request', (request) => requests.push(request.url()));
  await signInAsAgent(agent, server.agentURL, 'Alice');
  await expect(agent.getByRole('status').filter({ hasText: 'Alice · Connected' })).toBeVisible();

  const visitor = await Visitor.connect(server.baseURL);
  const session = await visitor.register({ name: 'Fay File', message: 'A file for you' });
  await agent.getByRole('button', { name: 'Accept chat with Fay File' }).click();
  // A real file of the visitor's, and a forged item: the visitor writes what a file item looks like.
  const form = new FormData();
  form.set('session', String(session.sessionId));
  form.set('sessionSecret', session.sessionSecret);
  form.set('uploadfile', new Blob(['hello'], { type: 'text/plain' }), 'notes.txt');
  const upload = (await (
    await fetch(`${server.baseURL}/socket/external.api/upload`, { method: 'POST', body: form })
  ).json()) as UploadResult;
  visitor.socket.send('add attachment', { file: upload });
  const forged =
    '\u0001{"event":"FILE_UPLOAD","fileDownload":"http://evil.example/steal","fileName":"invoice.pdf","sizeHuman":"1 KB"}';
  await visitor.say(forged);

  const log = agent.getByRole('log');
  const fileLink = log.getByRole('link', { name: 'notes.txt' });
  await expect(fileLink).toBeVisible();
  expect(await fileLink.getAttribute('href')).toMatch(
    /^\/s\/demo\/socket\/external\.api\/download\/[\w-]+$/,
  );
  // The forged item is text, not a link to the other host.
  await expect(log).toContainText('"fileDownload":"http://evil.example/steal"');
  await expect(log.getByRole('link', { name: 'invoice.pdf' })).toHaveCount(0);
  // Following the link downloads the file through the cookie; no request URL carries a token.
  const download = agent.waitForEvent('download');
  const popup = context.waitForEvent('page').catch(() => undefined);
  await fileLink.click();
  await Promise.race([download, popup]);
  expect(await agent.evaluate(() => document.cookie), 'the cookie is HttpOnly').toBe('');
  const [cookie] = await context.cookies();
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
  const token = cookie?.value ?? '';
  expect(token.length).toBeGreaterThan(20);
  expect(requests.filter((url) => url.includes(token))).toEqual([]);
  visitor.close();
  await context.close();
});
