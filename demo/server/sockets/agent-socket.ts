/**
 * The agent console socket (`/socket/agent`), documented in docs/protocol-notes.md. Same envelope
 * as the visitor socket; the first frame must be `login`. Actions without a payload answer `ok`
 * against the frame id so a console (or a test) knows they happened.
 */
import type sockjs from 'sockjs';
import type { AgentClientFrames, AgentServerEvents } from '../../../src/protocol/index.js';
import type { AgentSignIn } from '../agent-auth/agent-sign-in.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { ChatError } from '../errors.js';
import {
  MAX_TEXT_LENGTH,
  readIdList,
  readInteger,
  readOptionalString,
  readString,
  readVisitorText,
} from './frames.js';
import { createSocketServer, type SocketOptions } from './socket-server.js';

export function createAgentSocket(
  engine: ChatEngine,
  signIn: AgentSignIn,
  options: SocketOptions,
): sockjs.Server {
  const agents = engine.agents;
  return createSocketServer<AgentClientFrames, AgentServerEvents>(
    'agent',
    options,
    (peer, client) => {
      let signedIn: { name: string; token: string } | undefined;
      let closed = false;
      const agent = (): string => {
        if (!signedIn) throw new ChatError('not_signed_in', 'Send "login" first.');
        return signedIn.name;
      };
      const ok = (re: number | undefined) => peer.send('ok', [{}], re);
      const sessionIdOf = (data: Record<string, unknown>) => readInteger(data, 'sessionId');
      const nameOf = (data: Record<string, unknown>) => readString(data, 'name', { max: 100 });
      return {
        onClose: () => {
          closed = true;
          if (signedIn) agents.offline(signedIn.name, peer, signedIn.token);
        },
        frames: {
          login: async (data, re) => {
            const request = {
              name: nameOf(data),
              password: readOptionalString(data, 'password', 1000),
              token: readOptionalString(data, 'token', 1000),
            };
            if (request.password === undefined && request.token === undefined) {
              throw new ChatError('sign_in_refused', 'Sign in with your password.', 401);
            }
            const name = await signIn.check(client.address, request);
            // The socket may have closed while the password was checked.
            if (closed) return;
            if (signedIn) agents.offline(signedIn.name, peer, signedIn.token);
            signedIn = agents.online(name, peer);
            const welcome = agents.welcome(signedIn.name);
            const { areas, agents: presence } = welcome;
            const signInToken = signIn.tokens.issue(signedIn.name);
            peer.send('login', [{ ...signedIn, signInToken, areas, agents: presence }], re);
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
              // Agents write text too: only the server makes structured items.
              text: readVisitorText(data, 'text', MAX_TEXT_LENGTH),
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
    },
  );
}
