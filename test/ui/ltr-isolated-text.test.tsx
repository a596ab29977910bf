import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LtrIsolatedText } from '@/ui/ltr-isolated-text';

describe('LtrIsolatedText({ text })', () => {
  it('wraps each number with its unit, compared number and code in <bdi dir="ltr">, the rest as text', () => {
    const html = renderToStaticMarkup(<LtrIsolatedText text="منهجية Open SDG (11.b.1): درجة ≥ 0.75؛ الهدف المقترح: 100 %" />);
    expect(html).toBe('منهجية Open SDG (<bdi dir="ltr">11.b.1</bdi>): درجة <bdi dir="ltr">≥ 0.75</bdi>؛ الهدف المقترح: <bdi dir="ltr">100 %</bdi>');
  });

  it('escapes markup in the text', () => {
    expect(renderToStaticMarkup(<LtrIsolatedText text="<b>5 %</b>" />)).toBe('&lt;b&gt;<bdi dir="ltr">5 %</bdi>&lt;/b&gt;');
  });

  it('renders nothing for an empty text', () => {
    expect(renderToStaticMarkup(<LtrIsolatedText text="" />)).toBe('');
  });
});
