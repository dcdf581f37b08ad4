/**
 * The leave-a-message view and the opening-hours formatting it uses: hours in the visitor's own
 * time zone and language with the next opening ("Opens tomorrow at 08:00"), the form validated
 * like the start form, the errand sent and confirmed with focus on the confirmation, a refused
 * send explained, and "Check again" keeping keyboard focus on itself while the check runs.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CentionLeaveMessage } from '../../src/components/leave-message/leave-message.js';
import { defineLeaveMessage } from '../../src/components/leave-message/leave-message-chunk.js';
import { en } from '../../src/i18n/en.js';
import { daysFromToday, nextOpening, weekRows, formatTime } from '../../src/i18n/hours.js';
import { sv } from '../../src/i18n/sv.js';
import type { CanChatResult, OpeningHoursDay } from '../../src/protocol/index.js';
import { shadow } from './helpers.js';

defineLeaveMessage();

const office = { open: '08:00', close: '17:00' };
const SALES_HOURS: OpeningHoursDay[] = [
  ...['mon', 'tue', 'wed', 'thu'].map((day) => ({ day, ...office })),
  { day: 'fri', open: '08:00', close: '15:00' },
];
const closedSales: CanChatResult = {
  chatOpen: false,
  agentsAvailable: 0,
  resumable: false,
  openingHours: SALES_HOURS,
  timeZone: 'Europe/Stockholm',
};
const STOCKHOLM = 'Europe/Stockholm';
/** Sunday 29 November 2026, 20:00 in Stockholm (19:00 UTC). */
const SUNDAY_EVENING = new Date(Date.UTC(2026, 10, 29, 19, 0));

describe('opening hours (src/i18n/hours.ts)', () => {
  it('finds the next opening as an instant, across a weekend and a daylight-saving change', () => {
    expect(nextOpening(SALES_HOURS, STOCKHOLM, SUNDAY_EVENING)?.toISOString()).to.equal(
      '2026-11-30T07:00:00.000Z',
    );
    // Friday 16:00: closed since 15:00, next is Monday.
    const fridayLate = new Date(Date.UTC(2026, 11, 4, 15, 0));
    expect(nextOpening(SALES_HOURS, STOCKHOLM, fridayLate)?.toISOString()).to.equal(
      '2026-12-07T07:00:00.000Z',
    );
    // Summer time starts on Sunday 29 March 2026: Monday 08:00 is 06:00 UTC, not 07:00.
    const saturdayBefore = new Date(Date.UTC(2026, 2, 28, 11, 0));
    expect(nextOpening(SALES_HOURS, STOCKHOLM, saturdayBefore)?.toISOString()).to.equal(
      '2026-03-30T06:00:00.000Z',
    );
    // Open now: the next opening is tomorrow's.
    const mondayNoon = new Date(Date.UTC(2026, 10, 30, 11, 0));
    expect(nextOpening(SALES_HOURS, STOCKHOLM, mondayNoon)?.toISOString()).to.equal(
      '2026-12-01T07:00:00.000Z',
    );
    expect(nextOpening([], STOCKHOLM, mondayNoon)).to.equal(undefined);
  });

  it('says today, tomorrow or the weekday in the visitor’s own time zone', () => {
    const opening = nextOpening(SALES_HOURS, STOCKHOLM, SUNDAY_EVENING) as Date;
    const at = (timeZone: string) => ({
      days: daysFromToday(opening, SUNDAY_EVENING, timeZone),
      time: formatTime(opening, { locale: 'en-GB', timeZone }),
    });
    expect(at(STOCKHOLM)).to.deep.equal({ days: 1, time: '08:00' });
    // New York: it is Sunday 14:00 there, the opening is Monday 02:00.
    expect(at('America/New_York')).to.deep.equal({ days: 1, time: '02:00' });
    // Tokyo: it is already Monday 04:00 there, the opening is today at 16:00.
    expect(at('Asia/Tokyo')).to.deep.equal({ days: 0, time: '16:00' });
  });

  it('lists the week Monday first with the language’s weekday names', () => {
    const rows = weekRows(SALES_HOURS, STOCKHOLM, SUNDAY_EVENING, {
      locale: 'en-GB',
      timeZone: STOCKHOLM,
    });
    expect(rows).to.deep.equal([
      { day: 'Monday', hours: '08:00–17:00' },
      { day: 'Tuesday', hours: '08:00–17:00' },
      { day: 'Wednesday', hours: '08:00–17:00' },
      { day: 'Thursday', hours: '08:00–17:00' },
      { day: 'Friday', hours: '08:00–15:00' },
    ]);
    const swedish = weekRows(SALES_HOURS, STOCKHOLM, SUNDAY_EVENING, {
      locale: 'sv',
      timeZone: STOCKHOLM,
    });
    expect(swedish[0]).to.deep.equal({ day: 'måndag', hours: '08:00–17:00' });
    const tokyo = weekRows(SALES_HOURS, STOCKHOLM, SUNDAY_EVENING, {
      locale: 'en-GB',
      timeZone: 'Asia/Tokyo',
    });
    expect(tokyo[0]).to.deep.equal({ day: 'Monday', hours: '16:00–01:00' });
  });
});

async function render(
  reason: 'closed' | 'no-agents' | 'queue-full' = 'closed',
  strings = en,
): Promise<CentionLeaveMessage> {
  const el = await fixture<CentionLeaveMessage>(
    html`<cention-leave-message
      .strings=${strings}
      .reason=${reason}
      .canChat=${closedSales}
      .area=${2}
      .baseUrl=${'https://chat.example/s/demo'}
      .now=${() => SUNDAY_EVENING}
    ></cention-leave-message>`,
  );
  return el;
}

const control = (el: CentionLeaveMessage, name: string) =>
  shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`) as
    HTMLInputElement | HTMLTextAreaElement;

function fill(el: CentionLeaveMessage, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) control(el, name).value = value;
}

const submit = (el: CentionLeaveMessage) =>
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

describe('cention-leave-message', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('shows the hours with weekday names and the next opening, and is accessible', async () => {
    const el = await render();
    const text = shadow(el).textContent ?? '';
    expect(text).to.include('The chat is closed right now');
    expect(shadow(el).querySelector('.next-opening')?.textContent).to.match(
      /^Opens (today|tomorrow|[A-Z][a-z]+day) at \d{1,2}:\d\d( [AP]M)?\.$/,
    );
    expect(shadow(el).querySelectorAll('.hours li')).to.have.length(5);
    expect(text).to.include('Monday');
    expect(text).to.match(/Times in your time zone \(.+\)\./);
    await expect(el).to.be.accessible();
  });

  it('speaks Swedish with Swedish weekday names', async () => {
    const el = await render('closed', sv);
    const text = shadow(el).textContent ?? '';
    expect(text).to.include('måndag');
    expect(text).to.include('Lämna ett meddelande');
    expect(shadow(el).querySelector('.next-opening')?.textContent).to.match(/^Öppnar /);
  });

  it('says why for no agents and a full queue, without hours', async () => {
    const busy = await render('no-agents');
    expect(shadow(busy).textContent).to.include('All our agents are busy');
    expect(shadow(busy).querySelector('.hours')).to.equal(null);
    const full = await render('queue-full');
    expect(shadow(full).textContent).to.include('The queue is full');
  });

  it('validates like the start form and focuses the first field in error', async () => {
    let calls = 0;
    window.fetch = async () => {
      calls += 1;
      return new Response('{}');
    };
    const el = await render();
    fill(el, { email: 'not-an-email' });
    submit(el);
    await el.updateComplete;
    expect(calls).to.equal(0);
    expect(control(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('error-email');
    expect(shadow(el).querySelector('#error-message')?.textContent).to.equal(
      'Please write your message.',
    );
    expect(shadow(el).activeElement).to.equal(control(el, 'name'));
  });

  it('sends the errand, then confirms with what happens next and moves focus there', async () => {
    let sent: { url: string; body: unknown } | undefined;
    window.fetch = async (input, init) => {
      sent = { url: String(input), body: JSON.parse(String(init?.body)) };
      return new Response(JSON.stringify({ id: 7, status: 'open' }), { status: 201 });
    };
    const el = await render();
    fill(el, { name: 'Vera', email: 'vera@example.com', message: ' Call me about Fibre 1000 ' });
    control(el, 'message').focus();
    submit(el);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    await el.updateComplete;
    expect(sent).to.deep.equal({
      url: 'https://chat.example/s/demo/api/errands',
      body: {
        area: 2,
        name: 'Vera',
        email: 'vera@example.com',
        message: 'Call me about Fibre 1000',
      },
    });
    expect(shadow(el).textContent).to.include('Thank you, we have your message');
    expect(shadow(el).textContent).to.include('We will reply to vera@example.com');
    expect(shadow(el).activeElement?.id).to.equal('sent-title');
    await expect(el).to.be.accessible();
  });

  it('explains a refused send and keeps what was typed', async () => {
    window.fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many' } }), {
        status: 429,
      });
    const el = await render();
    fill(el, { name: 'Vera', email: 'vera@example.com', message: 'Hello' });
    submit(el);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.include('Too many messages');
    expect(control(el, 'message').value).to.equal('Hello');
  });

  it('"Check again" asks for a check and keeps focus while it runs', async () => {
    const el = await render();
    const button = shadow(el).querySelector<HTMLButtonElement>(
      '.notice button',
    ) as HTMLButtonElement;
    button.focus();
    setTimeout(() => button.click());
    await oneEvent(el, 'cention-start-recheck');
    el.isChecking = true;
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Checking…');
    expect(shadow(el).activeElement).to.equal(button);
    let asked = false;
    el.addEventListener('cention-start-recheck', () => (asked = true));
    button.click();
    expect(asked).to.equal(false);
  });
});
