'use strict';
// Info over an iframe is only needed by browsers without CORS XHR; never enabled here.
function InfoIframe() {
  throw new Error('sockjs-client iframe info receiver is not included in this build');
}
InfoIframe.enabled = function () {
  return false;
};
module.exports = InfoIframe;
