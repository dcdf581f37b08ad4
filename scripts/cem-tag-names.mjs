// A custom-elements-manifest analyzer plugin: the panel's elements are defined by one table in
// src/components/register.ts (`'cention-message': CentionMessage, …`) rather than by a
// `customElements.define` in each module, so the analyzer cannot see their tag names by itself.
// This reads that table (and the `customElements.define` calls of the lazily loaded chunks) and gives each class its `tagName` and a custom-element-definition export,
// so editors and docs tools know `<cention-message>` and the others, not only `<cention-chat>`.
export function tagNamesFromRegisterTable({ tableName = 'panelElements' } = {}) {
  /** class name → tag name, as found in the table. */
  const tagOf = new Map();
  return {
    name: 'cention-tag-names-from-register-table',
    analyzePhase({ ts, node }) {
      // `customElements.define('cention-…', Class)` in the lazily loaded chunks' define functions.
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'customElements.define' &&
        ts.isStringLiteral(node.arguments[0]) &&
        node.arguments[1] &&
        ts.isIdentifier(node.arguments[1])
      ) {
        tagOf.set(node.arguments[1].text, node.arguments[0].text);
        return;
      }
      if (!ts.isVariableDeclaration(node) || node.name.getText() !== tableName) return;
      const table = node.initializer;
      if (!table || !ts.isObjectLiteralExpression(table)) return;
      for (const property of table.properties) {
        if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.initializer)) continue;
        const tag = ts.isStringLiteral(property.name)
          ? property.name.text
          : property.name.getText();
        tagOf.set(property.initializer.text, tag);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          const tag = tagOf.get(declaration.name);
          if (!tag || declaration.kind !== 'class' || declaration.tagName) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          module.exports = [
            ...(module.exports ?? []),
            {
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: declaration.name, module: module.path },
            },
          ];
        }
      }
    },
  };
}
