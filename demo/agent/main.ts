// Entry of the agent console page (built by demo/agent/build.ts, served at /agent).
import { defineAgentConsole } from './agent-console.js';

defineAgentConsole();
