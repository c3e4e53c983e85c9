// Build-time only (vite.config.ts): the app imports USWDS's whole stylesheet
// (about 563 KB, 67 KB gzip), of which it uses a fraction. Once the bundle is
// written out in memory, each stylesheet keeps only the rules whose classes,
// ids, elements and attributes the shipped code names (every JavaScript chunk,
// the lazy ones included, and the HTML). The dev server serves the whole
// stylesheet. src/test/e2e/stylesheet.e2e.ts checks, element by element, that
// the built pages look as they do with the whole one.
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/**
 * Class names the code builds from parts, which no chunk spells out whole:
 * `usa-alert--${type}` (FocusedAlert, AlertIconsPreload) and react-uswds's
 * `usa-icon--size-${n}`.
 */
const BUILT_FROM_PARTS = [/^usa-alert--/, /^usa-icon--size-/];

/**
 * The words of the code a selector may name: class names with USWDS's
 * responsive prefix ("tablet-lg:grid-col-6"), and each part of such a word
 * (an object's `"aria-disabled":true` names the attribute and its value),
 * element names, ids and attribute names and values.
 */
const words = (content: string) => {
  const found = content.match(/[A-Za-z0-9_:@-]+/g) ?? [];
  return [
    ...found,
    ...found.filter((word) => word.includes(':')).flatMap((word) => word.split(':')),
  ];
};

/** Removes from `css` the rules that name what none of `content` names. */
export async function pruneCss(css: string, content: string[]): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: content.map((raw) => ({ raw, extension: 'js' })),
    css: [{ raw: css }],
    defaultExtractor: words,
    safelist: { standard: BUILT_FROM_PARTS },
    // Fonts load only where a kept rule uses them; keep the rest as written.
    fontFace: false,
    keyframes: false,
    variables: false,
  });
  return result.css;
}

export function pruneUnusedCss(): Plugin {
  return {
    name: 'prune-unused-css',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      // Off only for the browser test that compares the two (stylesheet.e2e.ts).
      if (process.env.PRUNE_CSS === 'off') return;
      const content: string[] = [];
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') content.push(file.code);
        else if (file.fileName.endsWith('.html') && typeof file.source === 'string') {
          content.push(file.source);
        }
      }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue;
        const css =
          typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = await pruneCss(css, content);
      }
    },
  };
}
