import { AxeBuilder } from '@axe-core/playwright';
import { signInAsAgent, test } from './support/fixtures.js';
test('dbg', async ({ browser, server }) => {
  const context = await browser.newContext();
  const agentContext = await browser.newContext();
  const visitor = await context.newPage();
  const agent = await agentContext.newPage();
  await signInAsAgent(agent, server.agentURL, 'Alice');
  await visitor.goto(server.url);
  visitor.on('pageerror', (e) => console.log('pageerror', e.message));
  visitor.on('console', (e) => console.log('console', e.text()));
  if (!process.env.NOAXE) await new AxeBuilder({ page: visitor }).include('cention-chat').analyze();
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  const r = await Promise.race([visitor.evaluate(() => new Promise((res) => setTimeout(() => res(document.querySelector('cention-chat')?.shadowRoot?.querySelector('cention-chat-panel')?.shadowRoot?.querySelector('cention-start-form')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300)), 2000))), new Promise((res) => setTimeout(() => res('HUNG'), 8000))]);
  console.log('R', r);
});
