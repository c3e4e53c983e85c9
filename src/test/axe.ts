import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe on what the user sees and fails with each violation's rule and place. */
export async function expectNoAxeViolations(container: Element = document.body) {
  const results = await axe.run(container, {
    // jsdom lays nothing out, so colours and contrast cannot be judged here;
    // the browser tests check them.
    rules: { 'color-contrast': { enabled: false } },
  });
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
  expect(violations).toEqual([]);
}
