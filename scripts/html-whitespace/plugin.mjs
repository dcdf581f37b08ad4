// A Vite plugin that drops the indentation Prettier gives Lit `html` templates in src/: a line break
// followed by spaces becomes a single line break. The browser collapses that whitespace anyway
// (outside <pre>, which the widget does not template), so rendering is unchanged, but every page
// would otherwise download it: about 0.3 KiB gzip of the classic script. Only the static text of
// templates tagged `html` is touched, found with the TypeScript parser rather than a regex, so code,
// strings and other template literals stay as written. (minify-html-literals does more, but is
// unmaintained since 2021 and rewrites markup; this is all the widget needs.)
import ts from 'typescript';

const INDENTED_LINE_BREAK = /\n[ \t]+/g;

/** The source with the static text of every html`…` template collapsed; unchanged when none. */
export function collapseHtmlTemplates(code, fileName) {
  const source = ts.createSourceFile(
    fileName,
    code,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.TS,
  );
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        // Text between the delimiters (` … ${, } … ${, } … `) as written in the file.
        const start = part.getStart(source) + 1;
        const end =
          part.getEnd() -
          (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle
            ? 2
            : 1);
        const text = code.slice(start, end);
        const collapsed = text.replace(INDENTED_LINE_BREAK, '\n');
        if (collapsed !== text) edits.push({ start, end, collapsed });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return code;
  let result = '';
  let position = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += code.slice(position, edit.start) + edit.collapsed;
    position = edit.end;
  }
  return result + code.slice(position);
}

export function htmlWhitespace() {
  return {
    name: 'cention-html-whitespace',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      const collapsed = collapseHtmlTemplates(code, id);
      return collapsed === code ? null : { code: collapsed, map: null };
    },
  };
}
