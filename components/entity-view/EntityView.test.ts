/**
 * The entity view's markup contract, rendered to a string (no DOM in these tests): the witness
 * table's accessible name, the first divergence row, disagreeing cells marked beyond colour, the
 * owner, the field choice, and the 404 state. Fetching and measuring are stubbed.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntityViewDto, FindingDto, InvestigationDto } from '@/lib/schemas/investigation';
import { DEFAULT_STATE } from '../investigate/investigation-url';

const resource = vi.hoisted(() => ({ current: { data: null as unknown, status: 'ready', error: null as { message: string; status: number } | null } }));
vi.mock('../api/useApiResource', () => ({ useApiResource: () => ({ ...resource.current, retry: () => {} }) }));
vi.mock('../request-view/useElementWidth', () => ({ useElementWidth: () => [() => {}, 900] }));

const { EntityView } = await import('./EntityView');

const T = Date.UTC(2026, 10, 23, 10, 0, 0);
const conflict: FindingDto = { index: 0, kind: 'conflict', divergence: true, at: T + 120, entity: 'order:1042', field: 'status', request: 'req-42', eventId: 12, lane: 2, evidenceIds: [20], summary: 'orders says paid while db says pending' };
const investigation: InvestigationDto = {
  fingerprint: 'f1', extent: { aligned: [T, T + 1000], raw: [T, T + 1000] }, lanes: [], findings: [conflict], signals: [], firstDivergence: 0, entities: [], requests: 1,
};
type Cell = [held: boolean, value: string | number | null, observed: boolean, disagrees: boolean];
const cells = (...list: Cell[]) => list.map(([held, value, observed, disagrees]) => ({ held, value, observed, disagrees }));
const view: EntityViewDto = {
  entity: 'order:1042',
  owner: 'db',
  fields: [
    {
      field: 'qty',
      witnesses: [{ lane: 3, label: 'compose.log/db', owner: true }],
      rows: [{ at: T, eventId: 20, witness: 0, value: 2, request: null, cells: cells([true, 2, true, false]) }],
      firstDivergenceRow: null,
    },
    {
      field: 'status',
      witnesses: [
        { lane: 3, label: 'compose.log/db', owner: true },
        { lane: 2, label: 'compose.log/orders', owner: false },
      ],
      rows: [
        { at: T, eventId: 20, witness: 0, value: 'pending', request: null, cells: cells([true, 'pending', true, false], [false, null, false, false]) },
        { at: T + 120, eventId: 12, witness: 1, value: 'paid', request: 'req-42', cells: cells([true, 'pending', false, false], [true, 'paid', true, true]) },
        { at: T + 900, eventId: 21, witness: 0, value: 'paid', request: null, cells: cells([true, 'paid', true, false], [true, 'paid', false, false]) },
      ],
      firstDivergenceRow: 1,
    },
  ],
  findings: [conflict],
  firstDivergence: 0,
};

function render(patch: { field?: string | null; event?: number | null } = {}): string {
  const state = { ...DEFAULT_STATE, view: 'entity' as const, entity: 'order:1042', ...patch };
  return renderToString(createElement(EntityView, { incidentId: 'inc', investigation, entity: 'order:1042', state, navigate: () => {} })).replace(/<!-- -->/g, '');
}

function tagWith(html: string, attr: string): string {
  const at = html.indexOf(attr);
  expect(at, `${attr} in the markup`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

/** The markup of the table row whose tag contains `attr`. */
function rowWith(html: string, attr: string): string {
  const at = html.indexOf(attr);
  expect(at, `${attr} in the markup`).toBeGreaterThanOrEqual(0);
  const start = html.lastIndexOf('<tr', at);
  return html.slice(start, html.indexOf('</tr>', at) + 5);
}

describe('EntityView markup', () => {
  beforeEach(() => {
    resource.current = { data: view, status: 'ready', error: null };
  });

  it("opens on the first divergence's field, not the first field", () => {
    const html = render();
    expect(html).toContain('aria-label="Witness table for order:1042 · status"');
    expect(tagWith(html, 'aria-selected="true"')).toContain('role="tab"');
    expect(html).toMatch(/aria-selected="true"[^>]*><span class="mono">status</);
  });

  it('shows the field the URL names', () => {
    const html = render({ field: 'qty' });
    expect(html).toContain('aria-label="Witness table for order:1042 · qty"');
    expect(html).not.toContain('Witness table for order:1042 · status');
  });

  it('labels the first divergence row and marks disagreeing cells with more than colour', () => {
    const html = render();
    const row = rowWith(html, 'data-first-divergence="true"><td');
    expect(row).toContain('data-event-id="12"');
    expect(row).toContain('First divergence');
    expect(row).toMatch(/data-disagrees="true"><span class="ev-cell__icon" aria-label="disagrees" role="img">≠<\/span><strong>paid<\/strong>/);
    // The owner's carried value is there, muted, not bold.
    expect(row).toContain('<td class="ev-cell ev-cell--held" title="compose.log/db: holds pending">pending</td>');
    expect(row).toContain('title="Open request req-42">req-42</button>');
  });

  it('leaves a witness blank before its first observation', () => {
    const html = render();
    expect(rowWith(html, '<tr data-event-id="20"')).toContain('<td class="ev-cell ev-cell--empty" title="compose.log/orders: nothing yet"></td>');
  });

  it('marks the owner in the table and the chart', () => {
    const html = render();
    expect(html).toMatch(/compose.log\/db<\/span><span class="badge ev-owner-badge">owner<\/span>/);
    expect(tagWith(html, 'data-witness="compose.log/db"')).toContain('ev-row--owner');
    expect(tagWith(html, 'data-witness="compose.log/orders"')).not.toContain('ev-row--owner');
  });

  it('draws the step chart as an image with a summary and the first divergence line', () => {
    const html = render();
    expect(tagWith(html, 'aria-label="Values of order:1042 · status')).toContain('role="img"');
    expect(html).toContain('compose.log/db (owner): pending → paid; compose.log/orders: paid, disagrees. first divergence at 10:00:00.120 UTC.');
    expect(html).toContain('class="ev-first" data-first-divergence="true"');
  });

  it('makes the selected event’s row current', () => {
    const html = render({ event: 21 });
    expect(tagWith(html, '<tr data-event-id="21"')).toContain('aria-current="true"');
    expect(tagWith(html, '<tr data-event-id="12"')).not.toContain('aria-current');
  });

  it('virtualizes a long witness table: a row count for assistive technology, not every row in the DOM', () => {
    const status = view.fields[1]!;
    const rows = Array.from({ length: 250 }, (_, i) => ({ ...status.rows[i % 3]!, at: T + i, eventId: 1000 + i }));
    resource.current = { data: { ...view, fields: [{ ...status, rows, firstDivergenceRow: 240 }] }, status: 'ready', error: null };
    const html = render();
    expect(tagWith(html, 'aria-label="Witness table for order:1042 · status"')).toContain('aria-rowcount="251"');
    expect(html.match(/<tr data-event-id=/g)?.length ?? 0).toBeLessThan(100);
  });

  it('says when the incident has no such entity', () => {
    resource.current = { data: null, status: 'error', error: { message: 'Not found', status: 404 } };
    expect(render()).toContain('No entity order:1042 in this incident');
  });
});
