export { createAgentSocket } from './sockets/agent-socket.js';
