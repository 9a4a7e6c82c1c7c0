import { describe, expect, it } from 'vitest';
import { exportSample, exportSampleTitle } from '../../../../tests/support/exportSample';
import { exportHtml } from './html';
import { exportSourceOf } from './readableBody';

describe('HTML export', () => {
  const html = exportHtml(exportSourceOf(`${exportSampleTitle} <draft>`, 'en-GB', exportSample));

  it('is one standalone page with its language, title and stylesheet, and no scripts', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Caring at home: a report &lt;draft&gt;</title>');
    expect(html).toContain('<h1 id="caring-at-home-a-report-draft">Caring at home: a report &lt;draft&gt;</h1>');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
  });

  it('keeps the body’s structure and leaves comment anchors out', () => {
    expect(html).toContain('<h2 id="what-carers-told-us">What carers told us</h2>');
    expect(html).toMatch(/<ul><li><p>Respite care<\/p><ul><li><p>Overnight stays<\/p>/);
    expect(html).toMatch(/<th[^>]*><p>Theme<\/p><\/th>/);
    expect(html).toContain('href="https://example.org/report"');
    expect(html).not.toContain('data-thread-id');
  });
});
