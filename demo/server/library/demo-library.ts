/**
 * The demo workspace's knowledge base: Nordvik Broadband's questions and answers, in the words a
 * customer-service agent would use. Prices, plans and hours match the demo site (demo/pricing.html)
 * and the FAQ robot (demo/robot/faq.ts). Plain text only: the widget shows answers as text.
 */
import type { LibraryContent } from './library-types.js';

/** Area 1 is customer service (everything), area 2 is sales (what a buyer asks). */
const ALL_AREAS = [1, 2];
const SERVICE = [1];

export const demoLibrary: LibraryContent = {
  categories: [
    { id: 1, name: 'Opening hours and contact', areaIds: ALL_AREAS },
    { id: 2, name: 'Plans and prices', areaIds: ALL_AREAS },
    { id: 3, name: 'Delivery and installation', areaIds: ALL_AREAS },
    { id: 4, name: 'Moving house', areaIds: SERVICE },
    { id: 5, name: 'Invoices and payment', areaIds: SERVICE },
    { id: 6, name: 'Connection problems', areaIds: SERVICE },
  ],
  questions: [
    {
      id: 1,
      categoryId: 1,
      question: 'When is customer service open?',
      answer:
        'Customer service answers the chat around the clock, every day of the year. Sales is ' +
        'open Monday to Thursday 08:00–17:00 and Friday 08:00–15:00 (Swedish time). Outside ' +
        'those hours you can leave a message and we reply by e-mail the next working day.',
      keywords: ['hours', 'open', 'opening', 'closed', 'when', 'time', 'weekend'],
    },
    {
      id: 2,
      categoryId: 1,
      question: 'How do I contact you if the chat is closed?',
      answer:
        'Leave a message in the chat window when it says we are closed: give your name, e-mail ' +
        'and question, and an agent replies by e-mail, usually within one working day.',
      keywords: ['contact', 'email', 'message', 'closed', 'reach', 'phone'],
    },
    {
      id: 3,
      categoryId: 2,
      question: 'What plans do you have and what do they cost?',
      answer:
        'We have three fibre plans, all with symmetric speeds: Fibre 250 (250/250 Mbit/s) for ' +
        '299 kr a month, Fibre 500 (500/500 Mbit/s) for 379 kr a month and Fibre 1000 ' +
        '(1000/1000 Mbit/s) for 449 kr a month. Prices include VAT.',
      keywords: ['price', 'prices', 'cost', 'plan', 'plans', 'speed', 'mbit', 'kr', 'monthly'],
    },
    {
      id: 4,
      categoryId: 2,
      question: 'Is there a binding period?',
      answer:
        'No. None of our plans has a binding period: you can cancel at the end of any month ' +
        'and keep the router for free.',
      keywords: ['binding', 'contract', 'cancel', 'notice', 'period', 'terminate'],
    },
    {
      id: 5,
      categoryId: 2,
      question: 'What extras can I add?',
      answer:
        'A fixed IP address costs 49 kr a month and each extra mesh Wi-Fi point 39 kr a month. ' +
        'You can add or remove extras any time from My pages.',
      keywords: ['extra', 'extras', 'ip', 'fixed', 'mesh', 'wifi', 'wi-fi', 'add'],
    },
    {
      id: 6,
      categoryId: 2,
      question: 'Can I change to a faster or slower plan?',
      answer:
        'Yes. Change plan on My pages or ask us in the chat. A faster plan applies within an ' +
        'hour; a slower one from the first day of next month.',
      keywords: ['change', 'upgrade', 'downgrade', 'faster', 'slower', 'switch', 'plan'],
    },
    {
      id: 7,
      categoryId: 3,
      question: 'How long does delivery take?',
      answer:
        'We send the router within 2 working days of your order and it usually arrives in 3–5 ' +
        'working days. You get a tracking link by e-mail when it leaves our warehouse.',
      keywords: ['delivery', 'deliver', 'shipping', 'router', 'arrive', 'tracking', 'order'],
    },
    {
      id: 8,
      categoryId: 3,
      question: 'Do I need a technician to install it?',
      answer:
        'Usually not: plug the router into the fibre socket and power, and it connects by ' +
        'itself. If you prefer, a technician installs it for 495 kr once.',
      keywords: ['install', 'installation', 'technician', 'setup', 'set', 'connect', 'socket'],
    },
    {
      id: 9,
      categoryId: 3,
      question: 'Can I get fibre at my address?',
      answer:
        'Enter your address on the front page to see whether your building has a Nordvik fibre ' +
        'socket. If it has none yet, we tell you when the area is planned.',
      keywords: ['address', 'available', 'availability', 'coverage', 'building', 'area'],
    },
    {
      id: 10,
      categoryId: 4,
      question: 'I am moving house. What do I do with my broadband?',
      answer:
        'Tell us your new address and moving date at least two weeks ahead on My pages or in ' +
        'the chat. If the new home has fibre we move your plan for free; take the router with you.',
      keywords: ['moving', 'move', 'house', 'new', 'address', 'relocate', 'flat', 'apartment'],
    },
    {
      id: 11,
      categoryId: 4,
      question: 'What if my new home has no fibre?',
      answer:
        'Then you can end the subscription on your moving day without a notice period. Send the ' +
        'router back in the prepaid bag we post to you.',
      keywords: ['moving', 'move', 'no', 'fibre', 'cancel', 'router', 'return'],
    },
    {
      id: 12,
      categoryId: 5,
      question: 'When do I get my invoice and when is it due?',
      answer:
        'The invoice comes by e-mail on the 15th of each month for the following month and is ' +
        'due on the last working day of the month. You can also pay by direct debit (autogiro).',
      keywords: ['invoice', 'bill', 'billing', 'due', 'date', 'pay', 'payment', 'autogiro'],
    },
    {
      id: 13,
      categoryId: 5,
      question: 'My invoice is higher than usual. Why?',
      answer:
        'The first invoice includes the days from your start date to the end of that month, and ' +
        'any installation fee. Extras added during the month are charged from the day you added ' +
        'them. My pages shows each line of the invoice.',
      keywords: ['invoice', 'higher', 'expensive', 'wrong', 'charge', 'bill', 'amount'],
    },
    {
      id: 14,
      categoryId: 5,
      question: 'I paid late. What happens?',
      answer:
        'We send a reminder with a 60 kr fee after ten days. The connection stays on; it is only ' +
        'paused if an invoice is more than 30 days overdue.',
      keywords: ['late', 'reminder', 'overdue', 'fee', 'pay', 'payment', 'missed'],
    },
    {
      id: 15,
      categoryId: 6,
      question: 'My internet is not working. What should I try first?',
      answer:
        'Restart the router by unplugging its power for 30 seconds. If the fibre light stays ' +
        'red, check the service status on our front page for planned work in your area, then ' +
        'chat with us.',
      keywords: ['not', 'working', 'down', 'broken', 'offline', 'restart', 'slow', 'outage'],
    },
    {
      id: 16,
      categoryId: 6,
      question: 'My Wi-Fi is slow in some rooms.',
      answer:
        'Walls and floors weaken Wi-Fi. Put the router in the open and up high, or add a mesh ' +
        'Wi-Fi point (39 kr a month) for the far rooms. A cable gives the full speed.',
      keywords: ['wifi', 'wi-fi', 'slow', 'rooms', 'signal', 'weak', 'mesh', 'speed'],
    },
  ],
};
