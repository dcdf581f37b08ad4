/**
 * The visitor socket (`/socket/external`): binds a connection to a chat through `register` or
 * `resume`, then maps each frame of protocol.md §3 onto the chat core.
 */
import type sockjs from 'sockjs';
import type { ChatEngine } from './chat-engine.js';
import { ChatError } from './errors.js';
import {
  readFreeForm,
  readIdList,
  readInteger,
  readOptionalInteger,
  readOptionalString,
  readRecord,
  readString,
  readVisitorText,
  type Envelope,
} from './frames.js';
import { createSocketServer, serveConnection, type SocketOptions } from './socket-connection.js';
import type { Peer } from './wire.js';

export function createVisitorSocket(engine: ChatEngine, options: SocketOptions): sockjs.Server {
  return createSocketServer('visitor', options, (connection) => {
    let sessionId: number | undefined;
    const bind = (id: number | undefined) => {
      if (sessionId !== undefined && sessionId !== id) engine.detachVisitor(peer, sessionId);
      sessionId = id;
    };
    const boundSession = (): number => {
      if (sessionId === undefined)
        throw new ChatError('no_session', 'Register or resume a chat first.');
      return sessionId;
    };
    const handle = (frame: Envelope, from: Peer) => {
      const { data, id: re } = frame;
      switch (frame.type) {
        case 'register': {
          const input = {
            area: readInteger(data, 'area'),
            name: readString(data, 'name', { max: 200 }),
            email: readString(data, 'email', { max: 320, allowEmpty: true }),
            message: readVisitorText(data, 'message'),
            phone: readOptionalString(data, 'phone', 50),
            externalData: readFreeForm(data, 'externalData'),
            href: readOptionalString(data, 'href', 2000),
            clientDeviceInfo: readFreeForm(data, 'clientDeviceInfo'),
          };
          bind(undefined);
          bind(engine.register(from, input, re).id);
          return;
        }
        case 'resume': {
          const input = {
            sessionId: readInteger(data, 'sessionId'),
            sessionSecret: readString(data, 'sessionSecret', { max: 200 }),
            lastSeenId: readOptionalInteger(data, 'lastSeenId'),
          };
          bind(engine.resume(from, input, re)?.id);
          return;
        }
        case 'chat message': {
          const input = {
            umid: readString(data, 'umid', { max: 100 }),
            message: readVisitorText(data, 'message'),
          };
          readOptionalInteger(data, 'mcount');
          engine.visitorMessage(from, boundSession(), input, re);
          return;
        }
        case 'preview':
          engine.visitorPreview(boundSession(), readString(data, 'text', { allowEmpty: true }));
          return;
        case 'add attachment': {
          const file = readRecord(data, 'file');
          const input = {
            fileId: readString(file, 'id', { max: 100 }),
            umid: readOptionalString(data, 'umid', 100),
          };
          engine.visitorAttachment(from, boundSession(), input, re);
          return;
        }
        case 'seen':
          engine.visitorSeen(boundSession(), readIdList(data, 'ids'));
          return;
        case 'postback': {
          const input = {
            title: readString(data, 'title', { max: 500, allowEmpty: true }),
            data: readString(data, 'data', { max: 4000, allowEmpty: true }),
          };
          engine.visitorPostback(from, boundSession(), input, re);
          return;
        }
        case 'close chat':
          engine.visitorClose(from, boundSession(), re);
          return;
        default:
          throw new ChatError('bad_frame', `Unknown frame type "${frame.type.slice(0, 64)}".`);
      }
    };
    const peer: Peer = serveConnection(
      connection,
      { logger: options.logger, rateLimit: options.rateLimit, kind: 'visitor' },
      handle,
      () => bind(undefined),
    );
  });
}
