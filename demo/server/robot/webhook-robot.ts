/**
 * The robot of every area bound through the robot API: a `RobotHook` that turns chat events into
 * webhook requests and applies the robot's `answer` / `handover` / `empty` response. A robot that
 * stays silent, fails or answers nonsense never strands a visitor: after a bounded retry the chat
 * goes to the area's human queue and the failure is logged.
 */
import type { ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { scrubUrl } from '../logger.js';
import type {
  ChatService,
  RobotChat,
  RobotHook,
  RobotMessage,
  RobotPostback,
} from '../robot-hook.js';
import { postRobotContent, type ContentLimits } from './robot-content.js';
import { parseRobotResponse, type RobotAction } from './robot-response.js';
import type { RobotStore } from './robot-store.js';
import { callWebhook, newRequestId, type WebhookRequest } from './webhook-client.js';

export interface WebhookRobotOptions {
  chat: ChatService;
  config: ServerConfig;
  robotStore: RobotStore;
  logger: Logger;
  maxContentLength: number;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** One exchange, every attempt included; past it the chat goes to humans. */
  deadlineMs?: number;
}

/** How long `close()` waits for exchanges still running before it gives up on them. */
const CLOSE_WAIT_MS = 2000;

export class WebhookRobot implements RobotHook {
  /** Per chat, the exchange in progress: a visitor's messages reach the robot one at a time, in order. */
  private readonly pending = new Map<number, Promise<void>>();
  private readonly shutdown = new AbortController();

  constructor(private readonly options: WebhookRobotOptions) {}

  onNewChat(chat: RobotChat, first: RobotMessage): void {
    this.enqueue(chat, { type: 'message', message: first.text });
  }

  onMessage(chat: RobotChat, message: RobotMessage): void {
    this.enqueue(chat, { type: 'message', message: message.text });
  }

  onPostback(chat: RobotChat, postback: RobotPostback): void {
    this.enqueue(chat, {
      type: 'postback',
      postback: { title: postback.title, data: postback.data },
    });
  }

  /**
   * Stops waiting for robots (server shutdown): requests in flight are aborted, and the exchanges
   * get a bounded time to settle, so a robot that never answers cannot hold the shutdown.
   */
  async close(): Promise<void> {
    this.shutdown.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.pending.values()]),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  private enqueue(
    chat: RobotChat,
    event: { type: 'message'; message: string } | { type: 'postback'; postback: RobotPostback },
  ): void {
    const previous = this.pending.get(chat.sessionId) ?? Promise.resolve();
    const next = previous
      .then(() => this.exchange(chat, event))
      .catch((error: unknown) => {
        // Only a bug (or a store closed under us) gets here; the chat must still not be stranded.
        this.options.logger.error(
          { err: error, sessionId: chat.sessionId },
          'robot exchange failed',
        );
        this.handover(chat.sessionId, undefined, undefined);
      });
    this.pending.set(chat.sessionId, next);
    void next.finally(() => {
      if (this.pending.get(chat.sessionId) === next) this.pending.delete(chat.sessionId);
    });
  }

  /** One webhook round trip; never rejects (every failure ends in a handover or a log line). */
  private async exchange(
    chat: RobotChat,
    event: { type: 'message'; message: string } | { type: 'postback'; postback: RobotPostback },
  ): Promise<void> {
    const { robotStore, logger, maxContentLength } = this.options;
    const sessionId = chat.sessionId;
    // An earlier exchange may have handed the chat over or a robot may have closed it meanwhile.
    if (!this.ownedByRobot(sessionId)) return;
    const binding = robotStore.binding(chat.areaId);
    if (!binding?.registered) {
      // The robot deregistered (or its token was replaced) after this chat started.
      logger.warn(
        { sessionId, areaId: chat.areaId },
        'no registered robot; handing over to agents',
      );
      this.handover(sessionId, undefined, undefined);
      return;
    }
    robotStore.recordOffer(sessionId, chat.areaId);
    const request: WebhookRequest = {
      sessionId,
      client: { name: chat.client.name, email: chat.client.email },
      externalData: chat.externalData,
      ...event,
      maxLength: maxContentLength,
      requestId: newRequestId(),
    };
    const limits: ContentLimits = {
      maxLength: maxContentLength,
      maxFileBytes: this.maxFileBytes(chat.areaId),
    };
    let action: RobotAction;
    /** Parts of an answer left out (an invalid button, a file the area does not take). */
    const dropped: string[] = [];
    try {
      action = await callWebhook(
        binding.webhook,
        request,
        {
          timeoutMs: this.options.timeoutMs,
          deadlineMs:
            this.options.deadlineMs ??
            // Every attempt's own timeout and the waits between them, plus a little slack.
            this.options.timeoutMs * (1 + this.options.retries) +
              this.options.retryDelayMs * this.options.retries +
              500,
          retries: this.options.retries,
          retryDelayMs: this.options.retryDelayMs,
          signal: this.shutdown.signal,
          onAttemptFailed: (attempt, reason) =>
            logger.warn(
              {
                sessionId,
                areaId: chat.areaId,
                webhook: scrubUrl(binding.webhook),
                attempt,
                reason,
              },
              'robot webhook attempt failed',
            ),
        },
        (body) => parseRobotResponse(body, limits, (reason) => dropped.push(reason)),
      );
    } catch (error) {
      if (this.shutdown.signal.aborted) return;
      logger.error(
        {
          sessionId,
          areaId: chat.areaId,
          webhook: scrubUrl(binding.webhook),
          reason: error instanceof Error ? error.message : String(error),
        },
        'robot webhook failed; handing over to agents',
      );
      this.handover(sessionId, undefined, binding.userName);
      return;
    }
    if (!this.ownedByRobot(sessionId)) {
      logger.info({ sessionId, response: action.type }, 'robot answered a chat it no longer owns');
      return;
    }
    try {
      this.apply(sessionId, chat.areaId, binding.userName, action, dropped);
    } catch (error) {
      logger.error({ err: error, sessionId }, 'robot response could not be applied');
      this.handover(sessionId, undefined, binding.userName);
    }
  }

  private apply(
    sessionId: number,
    areaId: number,
    userName: string,
    action: RobotAction,
    dropped: string[],
  ): void {
    const { chat, config, logger } = this.options;
    switch (action.type) {
      case 'answer':
        postRobotContent(chat, sessionId, userName, action.content, (reason) =>
          dropped.push(reason),
        );
        if (dropped.length > 0) {
          // For the robot's author: what was left out of the answer and why.
          logger.warn({ sessionId, areaId, dropped }, 'robot answer delivered without some parts');
        }
        return;
      case 'handover': {
        let target = action.areaId;
        if (target !== undefined && !config.areas.some((area) => area.id === target)) {
          logger.warn(
            { sessionId, areaId: target },
            'robot handed over to an unknown area; using its own',
          );
          target = undefined;
        }
        logger.info({ sessionId, fromArea: areaId, toArea: target ?? areaId }, 'robot handed over');
        this.handover(sessionId, target, userName);
        return;
      }
      case 'empty':
        return;
    }
  }

  private handover(
    sessionId: number,
    areaId: number | undefined,
    userName: string | undefined,
  ): void {
    try {
      if (!this.ownedByRobot(sessionId)) return;
      this.options.chat.handover(sessionId, areaId, userName);
    } catch (error) {
      this.options.logger.error({ err: error, sessionId }, 'handover failed');
    }
  }

  private ownedByRobot(sessionId: number): boolean {
    return this.options.chat.getChat(sessionId)?.status === 'robot';
  }

  private maxFileBytes(areaId: number): number {
    const area = this.options.config.areas.find((candidate) => candidate.id === areaId);
    return area?.attachments.maxBytes ?? 0;
  }
}
