'use strict';
// sockjs-client's ES5 shims (Function.bind, Array.isArray …) are built into every browser we support.
module.exports = {};
