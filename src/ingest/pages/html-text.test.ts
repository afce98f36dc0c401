import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlAddress, htmlText, looksLikeHtml } from './html-text.ts';

describe('htmlText', () => {
  it('keeps visible text only: no script, style, head, frame or comment', () => {
    const html = `<html><head><title>Reviews &amp; briefings</title><style>p{}</style><script>var x = "<p>Child Hidden</p>";</script></head>
      <body><!-- <p>Child Comment</p> --><h1>Case reviews</h1><iframe src="x"><p>Child Frame</p></iframe><p>One&nbsp;line &ndash; kept</p>
      <script type="module">document.write('Child Written')</script><noscript>Child NoScript</noscript></body></html>`;
    expect(htmlText(html)).toBe('Reviews & briefings\n\nCase reviews\n\nOne line – kept');
  });

  it('joins table cells with " | " and writes list items as bullets, nested ones indented', () => {
    const html = '<table><tr><th>Case</th><th>Report</th></tr><tr><td>Child A</td><td>Published 2019</td></tr></table><ul><li>Top<ul><li>Inner</li></ul></li></ul>';
    expect(htmlText(html).split('\n').filter(Boolean)).toEqual(['Case | Report', 'Child A | Published 2019', '• Top', '\u2003• Inner']);
  });

  it('copes with quotes holding ">" and with a stray "<"', () => {
    expect(htmlText('<p title="a > b">Child B</p><p>3 < 4</p>')).toBe('Child B\n\n3 < 4');
  });
});

describe('page addresses and kinds', () => {
  it('finds the canonical, og:url or saved-from address', () => {
    expect(htmlAddress('<!-- saved from url=(0030)https://example.org/reviews -->')).toBe('https://example.org/reviews');
    expect(htmlAddress('<link href="https://a.example/x" rel="canonical">')).toBe('https://a.example/x');
    expect(htmlAddress('<meta property="og:url" content="https://b.example/y">')).toBe('https://b.example/y');
    expect(htmlAddress('<p>none</p>')).toBeNull();
  });

  it('decodes named and numeric references and tells HTML from text', () => {
    expect(decodeEntities('&lsquo;Mira&rsquo; &#38; &#x2013; &bogus;')).toBe('‘Mira’ & – &bogus;');
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('Child A - Published 2020', 'page.txt')).toBe(false);
    expect(looksLikeHtml('plain', 'page.htm')).toBe(true);
  });
});
