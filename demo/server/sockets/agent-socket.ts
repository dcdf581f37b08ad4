/**
 * The agent console socket (`/socket/agent`), documented in docs/protocol-notes.md. Same envelope
 * as the visitor socket; the first frame must be `login`. Actions without a payload answer `ok`
 * against the frame id so a console (or a test) knows they happened.
 */
import type sockjs from 'sockjs';
import type { AgentClientFrames, AgentServerEvents } from '../../../src/protocol/index.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { ChatError } from '../errors.js';
import { MAX_TEXT_LENGTH, readIdList, readInteger, readString } from './frames.js';
import { createSocketServer, type SocketOptions } from './socket-server.js';

export function createAgentSocket(engine: ChatEngine, options: SocketOptions): sockjs.Server {
  const agents = engine.agents;
  return createSocketServer<AgentClientFrames, AgentServerEvents>('agent', options, (peer) => {
    let signedIn: { name: string; token: string } | undefined;
    const agent = (): string => {
      if (!signedIn) throw new ChatError('not_signed_in', 'Send "login" first.');
      return signedIn.name;
    };
    const ok = (re: number | undefined) => peer.send('ok', [{}], re);
    const sessionIdOf = (data: Record<string, unknown>) => readInteger(data, 'sessionId');
    const nameOf = (data: Record<string, unknown>) => readString(data, 'name', { max: 100 });
    return {
      onClose: () => {
        if (signedIn) agents.offline(signedIn.name, peer, signedIn.token);
      },
      frames: {
        login: (data, re) => {
          const name = nameOf(data);
          if (signedIn) agents.offline(signedIn.name, peer, signedIn.token);
          signedIn = agents.online(name, peer);
          const welcome = agents.welcome(signedIn.name);
          const { areas, agents: presence } = welcome;
          peer.send('login', [{ ...signedIn, areas, agents: presence }], re);
          for (const queue of welcome.queues) peer.send('queue', [queue]);
          for (const chat of welcome.chats) peer.send('chat', [chat]);
        },
        accept: (data, re) => {
          agents.accept(agent(), sessionIdOf(data));
          ok(re);
        },
        chat: (data, re) => peer.send('chat', [agents.chat(agent(), sessionIdOf(data))], re),
        message: (data, re) => {
          const sessionId = sessionIdOf(data);
          const sent = agents.message(agent(), sessionId, {
            umid: readString(data, 'umid', { max: 100 }),
            text: readString(data, 'text', { max: MAX_TEXT_LENGTH }),
          });
          peer.send('message sent', [{ sessionId, ...sent }], re);
        },
        preview: (data) =>
          agents.preview(
            agent(),
            sessionIdOf(data),
            readString(data, 'text', { allowEmpty: true }),
          ),
        ack: (data) => agents.ack(agent(), sessionIdOf(data), readIdList(data, 'ids')),
        'add agent': (data, re) => {
          agents.addAgent(agent(), sessionIdOf(data), nameOf(data));
          ok(re);
        },
        'remove agent': (data, re) => {
          agents.removeAgent(agent(), sessionIdOf(data), nameOf(data));
          ok(re);
        },
        leave: (data, re) => {
          agents.leave(agent(), sessionIdOf(data));
          ok(re);
        },
        end: (data, re) => {
          agents.end(agent(), sessionIdOf(data));
          ok(re);
        },
      },
    };
  });
}
