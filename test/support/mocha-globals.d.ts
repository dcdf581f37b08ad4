/**
 * The Mocha globals the browser tests use (Web Test Runner runs Mocha). @types/mocha is not
 * installed, so this is the small subset we need; a script file (no imports), so it is global.
 */
interface MochaContext {
  timeout(ms: number): void;
  slow(ms: number): void;
  skip(): never;
  retries(count: number): void;
}

type MochaBody = (this: MochaContext) => void | Promise<unknown>;

interface MochaSuiteFunction {
  (title: string, body: (this: MochaContext) => void): void;
  only(title: string, body: (this: MochaContext) => void): void;
  skip(title: string, body: (this: MochaContext) => void): void;
}

interface MochaTestFunction {
  (title: string, body?: MochaBody): void;
  only(title: string, body?: MochaBody): void;
  skip(title: string, body?: MochaBody): void;
}

declare const describe: MochaSuiteFunction;
declare const it: MochaTestFunction;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
