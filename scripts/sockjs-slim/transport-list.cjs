'use strict';
// The transports sockjs-client tries, trimmed to what browsers that run the widget use: a real
// WebSocket, then XHR streaming and XHR polling through proxies that block WebSockets. The dropped
// ones (XDR, iframe, htmlfile, EventSource, JSONP) exist for Internet Explorer and older browsers.
module.exports = [
  require('sockjs-client/lib/transport/websocket'),
  require('sockjs-client/lib/transport/xhr-streaming'),
  require('sockjs-client/lib/transport/xhr-polling'),
];
