// A Vite plugin that builds sockjs-client from its CommonJS source instead of its prebuilt file,
// with the transport list trimmed to modern browsers and the ES5 shims left out: about 4.5 KB gzip
// less, with the same API. Only modules imported from inside sockjs-client are redirected.
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const redirects = {
  './transport-list': here('./transport-list.cjs'),
  './shims': here('./no-shims.cjs'),
};

export function sockjsSlim() {
  return {
    name: 'cention-sockjs-slim',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === 'sockjs-client/dist/sockjs.min.js') {
        return this.resolve('sockjs-client/lib/entry.js', importer, { ...options, skipSelf: true });
      }
      if (importer?.includes('/node_modules/sockjs-client/lib/') && source in redirects) {
        return redirects[source];
      }
      return null;
    },
  };
}
