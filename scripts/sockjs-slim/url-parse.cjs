'use strict';
// The part of `url-parse` that sockjs-client uses, on top of the browser's own URL parser
// (which url-parse predates). Properties read by sockjs-client: protocol, host, hostname, port,
// pathname, query, hash, href; method: set('pathname', value).
function SockjsUrl(address) {
  this.url = new URL(address, typeof location === 'undefined' ? undefined : location.href);
}
['protocol', 'host', 'hostname', 'port', 'pathname', 'hash', 'href'].forEach(function (name) {
  Object.defineProperty(SockjsUrl.prototype, name, {
    get: function () {
      return this.url[name];
    },
  });
});
Object.defineProperty(SockjsUrl.prototype, 'query', {
  get: function () {
    return this.url.search;
  },
});
SockjsUrl.prototype.set = function (name, value) {
  this.url[name] = value;
  return this;
};
SockjsUrl.prototype.toString = function () {
  return this.url.href;
};
module.exports = SockjsUrl;
