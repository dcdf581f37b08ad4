export { createVisitorSocket } from './sockets/visitor-socket.js';
