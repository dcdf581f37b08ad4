/**
 * What the FAQ robot says: a few topics of the demo company (opening hours, prices, delivery),
 * each answered with text and buttons, and a handover when the visitor asks for a person or the
 * robot has not understood twice in a row. Pure functions of the request and the chat's memory.
 */
import { PLANS, priceChartPng } from './price-chart.js';

/** The webhook request fields the robot uses (robot API document, "Webhook"). */
export interface FaqRequest {
  sessionId: number;
  client: { name: string; email: string };
  type: 'message' | 'postback';
  message?: string;
  postback?: { title: string; data: string };
  maxLength: number;
}

type Button =
  { type: 'postback'; title: string; data: string } | { type: 'url'; title: string; url: string };

export type FaqResponse =
  | {
      type: 'answer';
      contentType: 'text/html';
      content: string;
      attachments: (
        | { type: 'template'; data: { type: 'button'; text: string; buttons: Button[] } }
        | { type: 'file'; data: { type: string; name: string; data: string } }
      )[];
    }
  | { type: 'handover' }
  | { type: 'empty' };

export type Topic = 'hours' | 'prices' | 'delivery' | 'person';

const BUTTONS: Record<Topic, Button> = {
  hours: { type: 'postback', title: 'Opening hours', data: 'hours' },
  prices: { type: 'postback', title: 'Prices', data: 'prices' },
  delivery: { type: 'postback', title: 'Delivery', data: 'delivery' },
  person: { type: 'postback', title: 'Talk to a person', data: 'person' },
};

/** Keyword patterns, checked in this order (asking for a person wins over everything). */
const PATTERNS: [Topic, RegExp][] = [
  ['person', /\b(person|human|agent|someone|somebody|people|operator|staff)\b|talk to/i],
  ['hours', /\b(open|opening|hours?|closed?)\b/i],
  ['prices', /\b(prices?|cost|costs|how much|plans?|kr|pay|monthly)\b/i],
  ['delivery', /\b(deliver(y|ed)?|shipping|ship|router|install(ation)?|arrive|technician)\b/i],
];

/** Which topic a visitor message or postback is about, if any. */
export function topicOf(request: FaqRequest): Topic | undefined {
  if (request.type === 'postback') {
    const data = request.postback?.data;
    return data && data in BUTTONS ? (data as Topic) : undefined;
  }
  const text = request.message ?? '';
  return PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** The menu of what else the robot can do, leaving out the topic just answered. */
function menu(text: string, except?: Topic): FaqResponse & { type: 'answer' } {
  const topics: Topic[] = ['hours', 'prices', 'delivery', 'person'];
  return {
    type: 'answer',
    contentType: 'text/html',
    content: '',
    attachments: [
      {
        type: 'template',
        data: {
          type: 'button',
          text,
          buttons: topics.filter((topic) => topic !== except).map((topic) => BUTTONS[topic]),
        },
      },
    ],
  };
}

function answer(
  content: string,
  topic: Topic,
  extra: FaqResponse & { type: 'answer' } = menu('Anything else?', topic),
) {
  return { ...extra, content };
}

export interface FaqOptions {
  /** Where the demo site is, for the "See all plans" link. */
  siteURL: string;
}

/** What the robot remembers about one chat between webhook requests. */
export interface FaqMemory {
  /** It has introduced itself. */
  greeted: boolean;
  /** Messages in a row it could not place. */
  misses: number;
}

export const NEW_CHAT: FaqMemory = { greeted: false, misses: 0 };

/** One turn: the response to a webhook request, and what to remember for the next one. */
export function faqTurn(
  request: FaqRequest,
  memory: FaqMemory,
  options: FaqOptions,
): { response: FaqResponse; memory: FaqMemory } {
  const topic = topicOf(request);
  if (topic === undefined) {
    // A click on a button it does not know changes nothing; text it cannot place is a miss.
    if (request.type === 'postback') return { response: { type: 'empty' }, memory };
    if (!memory.greeted) {
      const name = request.client.name ? ` ${request.client.name}` : '';
      return {
        response: menu(
          `Hi${name}! I am the Nordvik FAQ robot. I can tell you about opening hours, prices ` +
            'and delivery, or find you a person.',
        ),
        memory: { greeted: true, misses: 0 },
      };
    }
    if (memory.misses === 0) {
      return {
        response: menu('Sorry, I did not get that. Is it about one of these?'),
        memory: { greeted: true, misses: 1 },
      };
    }
    return { response: { type: 'handover' }, memory: { greeted: true, misses: 0 } };
  }
  return { response: topicResponse(topic, options), memory: { greeted: true, misses: 0 } };
}

function topicResponse(topic: Topic, options: FaqOptions): FaqResponse {
  switch (topic) {
    case 'person':
      return { type: 'handover' };
    case 'hours':
      return answer(
        '<p>Our customer service chat is open <strong>around the clock</strong>. Sales answers ' +
          'Monday to Thursday 08:00–17:00 and Friday 08:00–15:00 (Swedish time).</p>',
        'hours',
      );
    case 'prices': {
      const withButtons = menu('Want to know more?', 'prices');
      const template = withButtons.attachments[0];
      if (template?.type === 'template') {
        template.data.buttons.unshift({
          type: 'url',
          title: 'See all plans',
          url: new URL('/pricing.html', options.siteURL).href,
        });
      }
      withButtons.attachments.unshift({
        type: 'file',
        data: {
          type: 'image/png',
          name: 'price-chart.png',
          data: priceChartPng().toString('base64'),
        },
      });
      const list = PLANS.map(
        (plan) => `<li>${plan.name} (${plan.speed}): ${plan.price} kr/month</li>`,
      ).join('');
      return answer(
        `<p>Our fibre plans, all without binding period:</p><ul>${list}</ul>`,
        'prices',
        withButtons,
      );
    }
    case 'delivery':
      return answer(
        '<p>We send the router within 2 working days and it usually arrives in 3–5 working ' +
          'days. Installation by a technician costs 495 kr once, or you plug it in yourself for free.</p>',
        'delivery',
      );
  }
}
