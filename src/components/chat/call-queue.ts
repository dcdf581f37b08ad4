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

const COMMANDS = ['show', 'hide', 'toggle', 'start', 'prefill', 'reset', 'logout'];

interface Call {
  command: keyof CentionChatCommands;
  value: unknown;
  selector: string;
}

const waiting: Call[] = [];

/** `(command, value?, selector?)`: a trailing string is the selector (no value is a string). */
function parse(args: ArrayLike<unknown>): Call | undefined {
  const [command, ...rest] = Array.from(args);
  const selector = typeof rest.at(-1) === 'string' ? String(rest.pop()) : 'cention-chat';
  if (COMMANDS.includes(command as string)) {
    return { command: command as keyof CentionChatCommands, value: rest[0], selector };
  }
  console.error('cention-chat: no such command', command);
  return undefined;
}

function run(call: Call, target: CommandTarget): void {
  const method = target[call.command] as (value?: unknown) => unknown;
  Promise.resolve(method.call(target, call.value)).catch(console.error);
}

function dispatch(call: Call, isWidget: (node: Element) => node is Element & CommandTarget): void {
  // An invalid selector throws a SyntaxError naming it, to the page's call (not queued ones).
  const target = document.querySelector(call.selector);
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
  for (const args of stub?.q ?? []) {
    try {
      handle(args);
    } catch (error) {
      console.error(error); // a bad selector: the other queued calls still run
    }
  }
}

/** A widget was added to the page: runs the calls that waited for it. */
export function runWaitingCalls(widget: Element & CommandTarget): void {
  for (const call of [...waiting]) {
    if (!widget.matches(call.selector)) continue;
    waiting.splice(waiting.indexOf(call), 1);
    run(call, widget);
  }
}
