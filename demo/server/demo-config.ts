/**
 * The demo workspace: area 1 is open around the clock (so the demo always works), area 2 keeps
 * office hours in Stockholm and does not queue when nobody is signed in.
 */
import { defineArea, type ServerConfig } from './config.js';

const officeHours = { open: '08:00', close: '17:00' };

export const demoConfig: ServerConfig = {
  workspace: 'demo',
  areas: [
    defineArea({
      id: 1,
      name: 'Customer service',
      timeZone: 'Europe/Stockholm',
      openingHours: 'always',
      queueCapacity: 50,
      idleExpirySeconds: 30 * 60,
      agentsSeeTypingText: true,
      visitorSeesAgentTypingText: false,
      queueWithoutAgents: true,
    }),
    defineArea({
      id: 2,
      name: 'Sales',
      timeZone: 'Europe/Stockholm',
      openingHours: {
        mon: [officeHours],
        tue: [officeHours],
        wed: [officeHours],
        thu: [officeHours],
        fri: [{ open: '08:00', close: '15:00' }],
      },
      queueCapacity: 10,
      idleExpirySeconds: 15 * 60,
      attachments: {
        enabled: true,
        maxBytes: 2 * 1024 * 1024,
        maxImageBytes: 1024 * 1024,
        allowedTypes: ['image/png', 'image/jpeg', 'application/pdf'],
      },
      agentsSeeTypingText: false,
      visitorSeesAgentTypingText: true,
      queueWithoutAgents: false,
    }),
  ],
  agents: [
    { name: 'Alice', areas: [1, 2] },
    { name: 'Bob', areas: [1] },
    { name: 'Carol', areas: [2] },
  ],
};
