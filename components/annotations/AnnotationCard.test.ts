/** The card as the server renders it: what a deleted, twice-changed annotation offers, and read-only hiding every control. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { AnnotationCard } from './AnnotationCard';

const annotation: AnnotationDto = {
  id: 'a1',
  incidentId: 'inc',
  kind: 'trigger',
  target: { type: 'event', eventId: 7 },
  body: 'deploy <b>42</b>',
  author: 'Ada',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:05:00.000Z',
  deletedAt: null,
  changes: 0,
};

function render(a: AnnotationDto, readOnly: boolean): string {
  return renderToStaticMarkup(createElement(AnnotationCard, { incidentId: 'inc', annotation: a, targetText: 'event #7', readOnly, onChanged: async () => {} }));
}

describe('AnnotationCard', () => {
  it('offers edit and delete on a live annotation, with the body as text', () => {
    const html = render(annotation, false);
    expect(html).toContain('>Edit<');
    expect(html).toContain('>Delete<');
    expect(html).not.toContain('edited');
    expect(html).toContain('deploy &lt;b&gt;42&lt;/b&gt;');
  });

  it('marks a deleted one, offers restore and its history ("edited 2×")', () => {
    const html = render({ ...annotation, deletedAt: '2026-11-23T10:06:00.000Z', changes: 2 }, false);
    expect(html).toContain('>deleted<');
    expect(html).toContain('>Restore<');
    expect(html).toContain('edited 2×');
    expect(html).not.toContain('>Delete<');
  });

  it('read-only: the history stays readable, nothing can be changed', () => {
    const html = render({ ...annotation, changes: 1 }, true);
    expect(html).toContain('edited 1×');
    expect(html).not.toMatch(/>(Edit|Delete|Restore)</);
  });
});
