/**
 * The call queue: a page may call the widget before its script has loaded, as with Intercom and
 * Crisp. The page's one-line snippet (README) makes `window.centionChat` a stub that only records
 * its calls in `centionChat.q`; when the widget is defined, `installCallQueue` replaces the stub
 * with the real function and runs the recorded calls in order. A call whose widget is not on the
 * page yet (a single-page app renders it later) waits for it to be added.
 *
 * `centionChat('show')`, `centionChat('start', {name, email, message})`, and with a CSS selector
 * as the last argument for one of several widgets: `centionChat('show', '#sales-chat')`.
 */
import type { CentionChatCommands, CentionChatQueue } from '../../types/global.js';

/** What the queue calls on a widget: the element's methods of the same names. */
type CommandTarget = {
  [Name in keyof CentionChatCommands]: (...args: CentionChatCommands[Name]) => unknown;
};

const COMMANDS = new Set<string>([
  'show',
  'hide',
  'toggle',
  'start',
  'prefill',
  'reset',
  'logout',
] satisfies Array<keyof CentionChatCommands>);

/** Commands whose first argument is a value (the others take only the optional selector). */
const TAKES_VALUE = new Set(['start', 'prefill']);

interface Call {
  command: keyof CentionChatCommands;
  value: unknown;
  selector: string;
}

const waiting: Call[] = [];

function parse(args: ArrayLike<unknown>): Call | undefined {
  const [command, ...rest] = Array.from(args);
  if (typeof command !== 'string' || !COMMANDS.has(command)) {
    console.error(
      `cention-chat: centionChat(${JSON.stringify(command)}) is no command; use one of ${[...COMMANDS].join(', ')}`,
    );
    return undefined;
  }
  const value = TAKES_VALUE.has(command) ? rest.shift() : undefined;
  const selector = typeof rest[0] === 'string' && rest[0] ? rest[0] : 'cention-chat';
  return { command: command as keyof CentionChatCommands, value, selector };
}

function run(call: Call, target: CommandTarget): void {
  const method = target[call.command] as (value?: unknown) => unknown;
  Promise.resolve(method.call(target, call.value)).catch((error: unknown) => {
    console.error(`cention-chat: centionChat('${call.command}') failed`, error);
  });
}

function dispatch(call: Call, isWidget: (node: Element) => node is Element & CommandTarget): void {
  let target: Element | null = null;
  try {
    target = document.querySelector(call.selector);
  } catch {
    console.error(`cention-chat: ${JSON.stringify(call.selector)} is no CSS selector`);
    return;
  }
  if (target && isWidget(target)) run(call, target);
  else waiting.push(call);
}

/**
 * Runs the calls the page queued before the script loaded, and from now on every call at once.
 * `isWidget` tells a defined `<cention-chat>` from anything else the selector may find.
 */
export function installCallQueue(
  isWidget: (node: Element) => node is Element & CommandTarget,
): void {
  const stub = window.centionChat;
  if (stub && !stub.q && stub.isReady) return; // a second copy of the script
  const handle = (args: ArrayLike<unknown>) => {
    const call = parse(args);
    if (call) dispatch(call, isWidget);
  };
  const queue: CentionChatQueue = (...args: unknown[]) => handle(args);
  queue.isReady = true;
  window.centionChat = queue;
  for (const args of stub?.q ?? []) handle(args);
}

/** A widget was added to the page: runs the calls that waited for it. */
export function runWaitingCalls(widget: Element & CommandTarget): void {
  for (const call of [...waiting]) {
    if (!widget.matches(call.selector)) continue;
    waiting.splice(waiting.indexOf(call), 1);
    run(call, widget);
  }
}
