/**
 * The visitor socket (`/socket/external`): binds a connection to a chat through `register` or
 * `resume`, then maps each frame of protocol.md §3 onto the engine's visitor actions.
 */
import type sockjs from 'sockjs';
import type { VisitorClientFrames, VisitorServerEvents } from '../../../src/protocol/index.js';
import { neutralName } from '../display-text.js';
import type { RegisterInput } from '../engine/chat-context.js';
import type { ChatEngine } from '../engine/chat-engine.js';
import { MAX_PAGE_TITLE_LENGTH } from '../engine/page-visits.js';
import { ChatError } from '../errors.js';
import { answerHistory } from '../engine/visitor-history.js';
import {
  MAX_FRAME_BYTES,
  readFreeForm,
  readName,
  readIdList,
  readInteger,
  readOptionalInteger,
  readOptionalString,
  readRecord,
  readString,
  readVisitorText,
} from './frames.js';
import type { KeyedLimit } from '../keyed-limit.js';
import { createSocketServer, type SocketOptions } from './socket-server.js';

export function createVisitorSocket(
  engine: ChatEngine,
  /** New chats per address (admission.ts), checked before a session is made. */
  newChats: KeyedLimit,
  options: SocketOptions,
): sockjs.Server {
  const visitors = engine.visitors;
  return createSocketServer<VisitorClientFrames, VisitorServerEvents>(
    'visitor',
    options,
    (peer, client) => {
      let sessionId: number | undefined;
      let isClosed = false;
      const bind = (id: number | undefined) => {
        if (sessionId !== undefined && sessionId !== id) visitors.detach(peer, sessionId);
        sessionId = id;
      };
      const boundSession = (): number => {
        if (sessionId === undefined)
          throw new ChatError('no_session', 'Register or resume a chat first.');
        return sessionId;
      };
      return {
        onClose: () => {
          isClosed = true;
          bind(undefined);
        },
        frames: {
          register: async (data, re) => {
            // With a visitor token, name and e-mail may come from the token instead (identity.ts).
            const visitorToken = readOptionalString(data, 'visitorToken', MAX_FRAME_BYTES) || '';
            const input: RegisterInput = {
              area: readInteger(data, 'area'),
              name: visitorToken
                ? (readOptionalString(data, 'name', 200) ?? '')
                : readName(data, 'name', 200),
              email: visitorToken
                ? (readOptionalString(data, 'email', 320) ?? '')
                : readString(data, 'email', { max: 320, allowEmpty: true }),
              message: readVisitorText(data, 'message'),
              phone: readOptionalString(data, 'phone', 50),
              externalData: readFreeForm(data, 'externalData'),
              href: readOptionalString(data, 'href', 2000),
              clientDeviceInfo: readFreeForm(data, 'clientDeviceInfo'),
              pageTitle: readOptionalString(data, 'pageTitle', MAX_PAGE_TITLE_LENGTH),
            };
            if (!newChats.take(client.address)) {
              throw new ChatError(
                'rate_limited',
                'Too many new chats from your network; try again in a minute.',
                429,
              );
            }
            if (visitorToken) {
              const verified = await engine.identity.verify(visitorToken, engine.area(input.area));
              // The visitor left while the token was checked: no chat for a closed connection.
              if (isClosed) return;
              const name = verified.name ?? neutralName(input.name);
              if (!name)
                throw new ChatError('bad_frame', '"name" must be a name with visible characters.');
              input.name = name;
              input.email = verified.email ?? input.email;
              input.verifiedUserId = verified.userId;
            }
            bind(undefined);
            bind(visitors.register(peer, input, re).id);
          },
          resume: (data, re) => {
            const input = {
              sessionId: readInteger(data, 'sessionId'),
              sessionSecret: readString(data, 'sessionSecret', { max: 200 }),
              lastSeenId: readOptionalInteger(data, 'lastSeenId'),
              historyLimit: readOptionalInteger(data, 'historyLimit'),
            };
            // A refused resume leaves the chat this connection already follows as it was.
            const resumed = visitors.resume(peer, input, re);
            if (resumed) bind(resumed.id);
          },
          'chat message': (data, re) => {
            const input = {
              umid: readString(data, 'umid', { max: 100 }),
              message: readVisitorText(data, 'message'),
            };
            readOptionalInteger(data, 'mcount');
            visitors.message(peer, boundSession(), input, re);
          },
          preview: (data) => {
            visitors.preview(boundSession(), readString(data, 'text', { allowEmpty: true }));
          },
          'add attachment': (data, re) => {
            const file = readRecord(data, 'file');
            const input = {
              fileId: readString(file, 'id', { max: 100 }),
              umid: readOptionalString(data, 'umid', 100),
            };
            visitors.attachment(peer, boundSession(), input, re);
          },
          seen: (data) => visitors.seen(boundSession(), readIdList(data, 'ids')),
          postback: (data, re) => {
            const input = {
              title: readString(data, 'title', { max: 500, allowEmpty: true }),
              data: readString(data, 'data', { max: 4000, allowEmpty: true }),
            };
            visitors.postback(peer, boundSession(), input, re);
          },
          'close chat': (_data, re) => visitors.close(peer, boundSession(), re),
          page: (data) => engine.pages.record(boundSession(), data),
          history: (data, re) => {
            const input = {
              before: readOptionalInteger(data, 'before'),
              limit: readOptionalInteger(data, 'limit'),
            };
            answerHistory(engine, peer, boundSession(), input, re);
          },
        },
      };
    },
  );
}
