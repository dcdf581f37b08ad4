'use strict';
// The code that runs SockJS inside its own helper iframe; the iframe transports are not included.
module.exports = function () {};
