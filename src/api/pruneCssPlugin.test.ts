import { describe, expect, it } from 'vitest';
import { pruneCss } from './pruneCssPlugin';

const css = [
  '.usa-button{color:red}',
  '.usa-banner{color:blue}',
  '@media (min-width:64em){.tablet-lg\\:grid-col-6{width:50%}}',
  '.usa-alert--emergency{color:green}',
  '.usa-checkbox__input:checked+.usa-checkbox__label:before{content:""}',
  '[aria-disabled=true].usa-button{opacity:.5}',
  '@font-face{font-family:Source Sans Pro;src:url(a.woff2)}',
  'body{margin:0}',
].join('\n');

describe('pruneCss', () => {
  it('keeps the rules whose classes, elements and attributes the code names, and drops the rest', async () => {
    const code =
      'jsx("button",{className:"usa-button","aria-disabled":true}); document.body; "tablet-lg:grid-col-6 usa-checkbox__input usa-checkbox__label"';
    const pruned = await pruneCss(css, [code]);
    expect(pruned).toContain('.usa-button{color:red}');
    expect(pruned).toContain('.tablet-lg\\:grid-col-6');
    expect(pruned).toContain('.usa-checkbox__label:before');
    expect(pruned).toContain('[aria-disabled=true].usa-button');
    expect(pruned).toContain('body{margin:0}');
    expect(pruned).not.toContain('usa-banner');
  });

  it('keeps class names the code builds from parts, and every @font-face', async () => {
    const pruned = await pruneCss(css, ['`usa-alert usa-alert--${type}`']);
    expect(pruned).toContain('.usa-alert--emergency');
    expect(pruned).toContain('@font-face');
    expect(pruned).not.toContain('.usa-button{');
  });
});
