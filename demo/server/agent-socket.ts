/**
 * The agent console socket (`/socket/agent`), documented in docs/protocol-notes.md. Same envelope
 * as the visitor socket; the first frame must be `login`. Actions without a payload answer `ok`
 * against the frame id so a console (or a test) knows they happened.
 */
import type sockjs from 'sockjs';
import type { ChatEngine } from './chat-engine.js';
import { ChatError } from './errors.js';
import { readIdList, readInteger, readString, MAX_TEXT_LENGTH, type Envelope } from './frames.js';
import { createSocketServer, serveConnection, type SocketOptions } from './socket-connection.js';
import type { Peer } from './wire.js';

export function createAgentSocket(engine: ChatEngine, options: SocketOptions): sockjs.Server {
  return createSocketServer('agent', options, (connection) => {
    let signedIn: { name: string; token: string } | undefined;
    const agent = (): string => {
      if (!signedIn) throw new ChatError('not_signed_in', 'Send "login" first.');
      return signedIn.name;
    };
    const handle = (frame: Envelope, from: Peer) => {
      const { data, id: re } = frame;
      const ok = () => from.send('ok', [{}], re);
      switch (frame.type) {
        case 'login': {
          const name = readString(data, 'name', { max: 100 });
          if (signedIn) engine.agentOffline(signedIn.name, from, signedIn.token);
          signedIn = engine.agentOnline(name, from);
          const welcome = engine.agentWelcome(signedIn.name);
          from.send(
            'login',
            [
              {
                name: signedIn.name,
                token: signedIn.token,
                areas: welcome.areas,
                agents: welcome.agents,
              },
            ],
            re,
          );
          for (const queue of welcome.queues) from.send('queue', [queue]);
          for (const chat of welcome.chats) from.send('chat', [chat]);
          return;
        }
        case 'accept':
          engine.accept(agent(), readInteger(data, 'sessionId'));
          ok();
          return;
        case 'chat':
          from.send('chat', [engine.agentChat(agent(), readInteger(data, 'sessionId'))], re);
          return;
        case 'message': {
          const sessionId = readInteger(data, 'sessionId');
          const sent = engine.agentMessage(agent(), sessionId, {
            umid: readString(data, 'umid', { max: 100 }),
            text: readString(data, 'text', { max: MAX_TEXT_LENGTH }),
          });
          from.send('message sent', [{ sessionId, ...sent }], re);
          return;
        }
        case 'preview':
          engine.agentPreview(
            agent(),
            readInteger(data, 'sessionId'),
            readString(data, 'text', { allowEmpty: true }),
          );
          return;
        case 'ack':
          engine.agentAck(agent(), readInteger(data, 'sessionId'), readIdList(data, 'ids'));
          return;
        case 'add agent':
          engine.addAgent(
            agent(),
            readInteger(data, 'sessionId'),
            readString(data, 'name', { max: 100 }),
          );
          ok();
          return;
        case 'remove agent':
          engine.removeAgent(
            agent(),
            readInteger(data, 'sessionId'),
            readString(data, 'name', { max: 100 }),
          );
          ok();
          return;
        case 'leave':
          engine.leaveChat(agent(), readInteger(data, 'sessionId'));
          ok();
          return;
        case 'end':
          engine.endChat(agent(), readInteger(data, 'sessionId'));
          ok();
          return;
        default:
          throw new ChatError('bad_frame', `Unknown frame type "${frame.type.slice(0, 64)}".`);
      }
    };
    const peer: Peer = serveConnection(
      connection,
      { logger: options.logger, rateLimit: options.rateLimit, kind: 'agent' },
      handle,
      () => {
        if (signedIn) engine.agentOffline(signedIn.name, peer, signedIn.token);
      },
    );
  });
}
