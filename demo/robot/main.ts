/**
 * `tsx demo/robot/main.ts`: runs the FAQ robot next to an already running reference server that
 * shares its data folder. SERVER_URL (default http://127.0.0.1:8080/s/demo), ROBOT_PORT (8090),
 * ROBOT_AREA (1), DATA_DIR (the server's, default .data). `npm start` starts it by itself.
 */
import { startDemoRobot } from './robot-server.js';

const robot = await startDemoRobot({
  serverBaseURL: process.env.SERVER_URL || 'http://127.0.0.1:8080/s/demo',
  port: Number(process.env.ROBOT_PORT || 8090),
  areaId: Number(process.env.ROBOT_AREA || 1),
  log: (line) => console.log(line),
});
console.log(`FAQ robot webhook: ${robot.webhookURL} (Ctrl-C stops and deregisters)`);
const stop = () => {
  robot.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
