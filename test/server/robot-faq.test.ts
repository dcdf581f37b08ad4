/**
 * The demo FAQ robot's answers: the right topic for typical questions and button clicks, a
 * handover when asked for a person or after two misses, and every response valid under the
 * server's own robot API checks (so the demo robot is also a conformance example).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { faqTurn, NEW_CHAT, topicOf, type FaqRequest } from '../../demo/robot/faq.js';
import { parseRobotResponse } from '../../demo/server/robot/robot-response.js';

const SITE = 'http://127.0.0.1:8080/';
const limits = { maxLength: 10_000, maxFileBytes: 5 * 1024 * 1024 };
const greeted = { greeted: true, misses: 0 };
/** The robot's response to a request in a chat it has already greeted. */
const faqResponse = (request: FaqRequest) => faqTurn(request, greeted, { siteURL: SITE }).response;

const message = (text: string): FaqRequest => ({
  sessionId: 1,
  client: { name: 'Vera', email: '' },
  type: 'message',
  message: text,
  maxLength: 10_000,
});
const postback = (data: string): FaqRequest => ({
  sessionId: 1,
  client: { name: 'Vera', email: '' },
  type: 'postback',
  postback: { title: data, data },
  maxLength: 10_000,
});

describe('FAQ robot', () => {
  it('finds the topic of typical questions and of its own buttons', () => {
    const cases: [FaqRequest, string | undefined][] = [
      [message('When are you open?'), 'hours'],
      [message('What are your opening hours on Sunday?'), 'hours'],
      [message('How much does Fibre 500 cost?'), 'prices'],
      [message('When will my router be delivered?'), 'delivery'],
      [message('Can I talk to a person please'), 'person'],
      [message('I want a human'), 'person'],
      [message('Blue whales are big'), undefined],
      [postback('prices'), 'prices'],
      [postback('person'), 'person'],
      [postback('something else'), undefined],
    ];
    for (const [request, topic] of cases)
      assert.equal(topicOf(request), topic, JSON.stringify(request));
  });

  it('answers with text and buttons the server accepts; prices come with the chart image', () => {
    for (const question of ['When are you open?', 'prices?', 'delivery time?']) {
      const response = faqResponse(message(question));
      const action = parseRobotResponse(response, limits);
      assert.equal(action.type, 'answer', question);
      if (action.type !== 'answer') continue;
      assert.notEqual(action.content.html, '', question);
      const template = action.content.attachments.find(
        (attachment) => attachment.type === 'template',
      );
      assert.ok(template?.type === 'template' && template.template.buttons.length >= 2, question);
    }
    const prices = parseRobotResponse(faqResponse(message('prices?')), limits);
    assert.equal(prices.type, 'answer');
    if (prices.type !== 'answer') return;
    const image = prices.content.attachments.find((attachment) => attachment.type === 'file');
    assert.ok(image?.type === 'file');
    assert.equal(image.mime, 'image/png');
    assert.deepEqual(
      [...image.data.subarray(0, 8)],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    );
    const template = prices.content.attachments.find(
      (attachment) => attachment.type === 'template',
    );
    assert.ok(template?.type === 'template');
    assert.ok(
      template.template.buttons.some(
        (button) => button.type === 'url' && button.url === 'http://127.0.0.1:8080/pricing.html',
      ),
    );
  });

  it('hands over when asked for a person, and after a second message it cannot place', () => {
    assert.deepEqual(faqResponse(message('talk to someone')), { type: 'handover' });
    assert.deepEqual(faqResponse(postback('person')), { type: 'handover' });

    const options = { siteURL: SITE };
    const hello = faqTurn(message('Hello'), NEW_CHAT, options);
    const greeting = parseRobotResponse(hello.response, limits);
    assert.ok(greeting.type === 'answer');
    const greetingText = greeting.content.attachments[0];
    assert.ok(greetingText?.type === 'template');
    assert.match(greetingText.template.text, /^Hi Vera! I am the Nordvik FAQ robot/);

    const firstMiss = faqTurn(message('Blue whales?'), hello.memory, options);
    const sorry = parseRobotResponse(firstMiss.response, limits);
    assert.ok(sorry.type === 'answer');
    const sorryText = sorry.content.attachments[0];
    assert.ok(sorryText?.type === 'template');
    assert.match(sorryText.template.text, /^Sorry/, 'one miss: the menu again, no second greeting');

    const secondMiss = faqTurn(message('Whales are big'), firstMiss.memory, options);
    assert.deepEqual(secondMiss.response, { type: 'handover' });

    const understood = faqTurn(message('prices'), firstMiss.memory, options);
    assert.equal(understood.memory.misses, 0, 'an answered question resets the misses');
    const unknownClick = faqTurn(postback('??'), firstMiss.memory, options);
    assert.deepEqual(unknownClick, { response: { type: 'empty' }, memory: firstMiss.memory });
  });
});
