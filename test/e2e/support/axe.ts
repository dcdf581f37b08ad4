/**
 * axe-core on the widget (its element and everything in its shadow roots), with violations
 * listed as short readable lines so a failing test says what to fix and where.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe on `<cention-chat>` and fails with one line per violated rule and node. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('cention-chat').analyze();
  const problems = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
  expect(problems, `axe violations in the "${state}" state`).toEqual([]);
  // A rule set that found no nodes at all would pass vacuously; make sure axe saw the widget.
  expect(results.passes.length, `axe checked the widget in the "${state}" state`).toBeGreaterThan(
    0,
  );
}
