import { describe, expect, it } from 'vitest';
import { inlineSpans, markdownBlocks } from './markdown-blocks';

describe('markdownBlocks', () => {
  it('splits paragraphs on blank lines and keeps line breaks within one', () => {
    expect(markdownBlocks('one\ntwo\n\nthree')).toEqual([
      { type: 'paragraph', lines: [[{ code: false, text: 'one' }], [{ code: false, text: 'two' }]] },
      { type: 'paragraph', lines: [[{ code: false, text: 'three' }]] },
    ]);
  });

  it('keeps fenced code verbatim, an unclosed fence included', () => {
    expect(markdownBlocks('before\n```\n  <b>x</b>\n\ny\n```\nafter\n```\nopen')).toEqual([
      { type: 'paragraph', lines: [[{ code: false, text: 'before' }]] },
      { type: 'code', text: '  <b>x</b>\n\ny' },
      { type: 'paragraph', lines: [[{ code: false, text: 'after' }]] },
      { type: 'code', text: 'open' },
    ]);
  });

  it('leaves HTML as the characters typed', () => {
    const body = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
    expect(markdownBlocks(body)).toEqual([{ type: 'paragraph', lines: [[{ code: false, text: body }]] }]);
  });

  it('splits inline code spans out of a line', () => {
    expect(inlineSpans('set `retries=0` now')).toEqual([
      { code: false, text: 'set ' },
      { code: true, text: 'retries=0' },
      { code: false, text: ' now' },
    ]);
    expect(inlineSpans('')).toEqual([{ code: false, text: '' }]);
    expect(markdownBlocks('\r\n\r\n')).toEqual([]);
  });
});

describe('MarkdownText', () => {
  it('renders markup as escaped text, never as elements', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { MarkdownText } = await import('./MarkdownText');
    const html = renderToStaticMarkup(createElement(MarkdownText, { body: '<script>window.__xss=1</script>\n<img src=x onerror="x()"> `<b>`' }));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;<br/>&lt;img src=x onerror=&quot;x()&quot;&gt; <code>&lt;b&gt;</code>');
  });
});
