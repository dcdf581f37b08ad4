// `cem analyze` (run by scripts/build.mjs): dist/custom-elements.json, the package's
// `customElements` manifest, read from the elements' JSDoc (@attr, @event, @cssproperty,
// @csspart, @summary) and their Lit properties, for editors, docs tools and framework typings.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/index.ts'],
  outdir: 'dist',
  litelement: true,
};
