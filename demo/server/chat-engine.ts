/**
 * Old path of the chat engine (now demo/server/engine/), kept only while app.ts imports it and
 * still passes the engine itself as the plugins' `ChatService`. Once app.ts imports
 * `./engine/chat-engine.js` and passes `new RobotService(engine)` (robot/robot-service.ts) as
 * `chat`, this file is deleted.
 */
import { ChatEngine as Engine } from './engine/chat-engine.js';
import type { ChatService } from './robot-hook.js';
import { RobotService } from './robot/robot-service.js';

export class ChatEngine extends Engine implements ChatService {
  private readonly robotService = new RobotService(this);
  getChat: ChatService['getChat'] = (...args) => this.robotService.getChat(...args);
  postAgentMessage: ChatService['postAgentMessage'] = (...args) =>
    this.robotService.postAgentMessage(...args);
  postTemplate: ChatService['postTemplate'] = (...args) => this.robotService.postTemplate(...args);
  postFile: ChatService['postFile'] = (...args) => this.robotService.postFile(...args);
  postComment: ChatService['postComment'] = (...args) => this.robotService.postComment(...args);
  handover: ChatService['handover'] = (...args) => this.robotService.handover(...args);
  close: ChatService['close'] = (...args) => this.robotService.close(...args);
}
