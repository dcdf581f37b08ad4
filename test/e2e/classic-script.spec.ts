/**
 * The one-file build for a classic `<script>` (dist/cention-chat.iife.js) runs the whole widget on
 * its own: no module loading, no chunks.
 */
import {
  expect,
  replyAsAgent,
  signInAsAgent,
  startChatAsVisitor,
  test,
} from './support/fixtures.js';

test('the classic script build runs a chat', async ({ browser, server }) => {
  const classicPage = new URL('/classic-test.html', server.url).href;
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const requested: string[] = [];
  visitor.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await visitor.route(classicPage, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Classic</title>
        <script src="/widget/cention-chat.iife.js"></script></head>
        <body><main><h1>Classic script page</h1></main>
        <cention-chat base-url="${server.baseURL}" area="1"></cention-chat></body></html>`,
    }),
  );
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInAsAgent(agent, server.agentURL, 'Alice');

  await startChatAsVisitor(visitor, classicPage, {
    name: 'Carl Classic',
    email: 'carl@example.com',
    question: 'Does the classic build work?',
  });
  await agent.getByRole('button', { name: 'Accept chat with Carl Classic' }).click();
  await replyAsAgent(agent, 'Carl Classic', 'It does.');
  await expect(visitor.getByRole('log')).toContainText('It does.');
  expect(requested.filter((path) => path.startsWith('/widget/'))).toEqual([
    '/widget/cention-chat.iife.js',
  ]);
  await context.close();
  await agentContext.close();
});
