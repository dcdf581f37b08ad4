/**
 * Errands as the rest of the server sees them: create (from the widget's form or the REST API),
 * change, close, list and read, each change stored first and then sent as a webhook. Inputs are
 * already checked by the routes' schemas; this checks what a schema cannot (the area exists).
 */
import type { ChatEngine } from '../engine/chat-engine.js';
import { ChatError } from '../errors.js';
import type {
  ChatStore,
  ErrandChanges,
  ErrandFilter,
  ErrandRecord,
  ErrandSource,
  ErrandStatus,
} from '../store.js';
import type { Webhooks } from '../webhooks/index.js';

export interface ErrandInput {
  areaId: number;
  name: string;
  email: string;
  subject?: string;
  message: string;
}

/** An errand as the API and webhooks show it: times as ISO 8601. */
export function errandJson(errand: ErrandRecord) {
  return {
    id: errand.id,
    areaId: errand.areaId,
    status: errand.status,
    source: errand.source,
    name: errand.name,
    email: errand.email,
    subject: errand.subject,
    message: errand.message,
    reply: errand.reply,
    handledBy: errand.handledBy,
    createdAt: new Date(errand.createdAt).toISOString(),
    updatedAt: new Date(errand.updatedAt).toISOString(),
    closedAt: errand.closedAt === null ? null : new Date(errand.closedAt).toISOString(),
  };
}
export type ErrandJson = ReturnType<typeof errandJson>;

export class ErrandService {
  constructor(
    private readonly store: ChatStore,
    private readonly engine: ChatEngine,
    private readonly webhooks: Webhooks,
    private readonly now: () => number = Date.now,
  ) {}

  create(input: ErrandInput, source: ErrandSource): ErrandRecord {
    this.engine.area(input.areaId); // throws 404 no_area
    const errand = this.store.errands.create({
      areaId: input.areaId,
      source,
      name: input.name.trim(),
      email: input.email.trim(),
      subject: (input.subject ?? '').trim(),
      message: input.message.trim(),
      now: this.now(),
    });
    this.webhooks.emit('errand.created', errandJson(errand));
    return errand;
  }

  get(id: number): ErrandRecord {
    const errand = this.store.errands.byId(id);
    if (!errand) throw new ChatError('not_found', `There is no errand ${id}.`, 404);
    return errand;
  }

  list(filter: ErrandFilter): ErrandRecord[] {
    return this.store.errands.list(filter);
  }

  /** Changes an errand; closing it this way sends `errand.closed` rather than `errand.updated`. */
  update(id: number, changes: ErrandChanges): ErrandRecord {
    const before = this.get(id);
    if (changes.areaId !== undefined) this.engine.area(changes.areaId);
    const after = this.store.errands.update(id, changes, this.now()) as ErrandRecord;
    const closedNow = after.status === 'closed' && before.status !== 'closed';
    this.webhooks.emit(closedNow ? 'errand.closed' : 'errand.updated', errandJson(after));
    return after;
  }

  close(id: number, by: string | null): ErrandRecord {
    const errand = this.get(id);
    if (errand.status === 'closed') return errand;
    return this.update(id, { status: 'closed', handledBy: by ?? errand.handledBy });
  }

  /** An agent answers: the reply is kept and the errand is `handled`. */
  reply(id: number, text: string, by: string): ErrandRecord {
    const errand = this.get(id);
    if (errand.status === 'closed') {
      throw new ChatError('chat_closed', 'The errand is closed.', 409);
    }
    return this.update(id, {
      status: 'handled' as ErrandStatus,
      reply: text.trim(),
      handledBy: by,
    });
  }
}
