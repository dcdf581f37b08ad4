/** A stylesheet imported as text (`import text from './x.css?inline'`), minified by Vite. */
declare module '*.css?inline' {
  const text: string;
  export default text;
}
