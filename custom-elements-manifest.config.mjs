// `cem analyze` (run by scripts/build.mjs): dist/custom-elements.json, the package's
// `customElements` manifest, read from the elements' JSDoc (@attr, @event, @cssproperty,
// @csspart, @summary) and their Lit properties, for editors, docs tools and framework typings.
import { tagNamesFromRegisterTable } from './scripts/cem-tag-names.mjs';

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/index.ts'],
  outdir: 'dist',
  litelement: true,
  // The panel's elements get their tag names from register.ts's table (see the plugin).
  plugins: [tagNamesFromRegisterTable()],
};
