'use strict';
// XDomainRequest exists only in Internet Explorer 8–10.
function XDRObject() {
  throw new Error('XDomainRequest is not included in this build');
}
XDRObject.enabled = false;
module.exports = XDRObject;
