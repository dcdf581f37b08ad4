/**
 * The prebuilt, dependency-free browser bundle of sockjs-client (its source needs Node's `global`).
 * Typed from @types/sockjs-client.
 */
declare module 'sockjs-client/dist/sockjs.min.js' {
  import SockJS from 'sockjs-client';
  export default SockJS;
}
