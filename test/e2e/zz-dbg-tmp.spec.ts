import { Agent } from '../server/support/chat-clients.js';
import { xssPayloads } from './fixtures/xss-payloads.js';
import { sayAsAgent } from './support/chat-senders.js';
import { startChatAsVisitor, test, expect } from './support/fixtures.js';
import { readWidgetSession } from './support/widget-session.js';
test('dbg', async ({ browser, server }) => {
  test.setTimeout(300000);
  const agent = await Agent.signIn(server.baseURL, 'Alice');
  const context = await browser.newContext();
  await context.exposeBinding('__xss', (_s, id) => console.log('HIT', id));
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await startChatAsVisitor(page, server.url, { name: 'Dbg', email: 'a@b.se', question: 'q' });
  const { sessionId } = await readWidgetSession(page);
  await agent.accept(sessionId);
  for (const payload of xssPayloads.map((p) => ({ ...p, html: process.env.PLAIN ? `plain message ${p.id}` : p.html }))) {
    await sayAsAgent(agent, sessionId, payload.html + `<p>after ${payload.id}</p>`);
    const t = Date.now();
    const ok = await Promise.race([page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true)))), new Promise((r) => setTimeout(() => r(false), 4000))]);
    if (!ok || Date.now() - t > 1000) { console.log('SLOW/HANG after', payload.id, payload.html, Date.now() - t); if (!ok) break; }
  }
  await expect(page.getByRole('log')).toContainText('after 13');
});
