/**
 * The request view's markup contract, rendered to a string (no DOM in these tests): the
 * accessible names and data attributes the e2e journeys target, the 404 and error states.
 * Fetching and measuring are stubbed; effects (fetch, resize, scrolling) do not run here.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingDto, InvestigationDto, RequestViewDto } from '@/lib/schemas/investigation';
import { DEFAULT_STATE } from '../investigate/investigation-url';

const resource = vi.hoisted(() => ({ current: { data: null as unknown, status: 'ready', error: null as { message: string; status: number } | null } }));
vi.mock('../api/useApiResource', () => ({ useApiResource: () => ({ ...resource.current, retry: () => {} }) }));
// Server rendering measures nothing: give the chart a width so it draws.
vi.mock('./useElementWidth', () => ({ useElementWidth: () => [() => {}, 900] }));

const { RequestView } = await import('./RequestView');

const T = Date.UTC(2026, 10, 23, 10, 0, 0);
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const lane = (index: number, sourceId: string, source: string, service: string) => ({ index, sourceId, source, service, offsetMs: 0, aligned: true, overridden: false, constraints: 1, events: 1 });
const lanes = [lane(0, 'a', 'browser.har', 'browser.har'), lane(1, 'b', 'gateway.log', ''), lane(2, 'c', 'compose.log', 'orders'), lane(3, 'c', 'compose.log', 'db')];
const conflict: FindingDto = { index: 0, kind: 'conflict', divergence: true, at: T + 120, entity: 'order:1042', field: 'status', request: 'req-42', eventId: 12, lane: 2, evidenceIds: [11], summary: 'orders says paid while db says pending' };
const retry: FindingDto = { ...conflict, kind: 'retry', divergence: false, eventId: 11, entity: null, field: null, summary: 'POST /orders retried' };
const investigation: InvestigationDto = {
  fingerprint: 'f1', extent: { aligned: [T, T + 1000], raw: [T, T + 1000] }, lanes, findings: [conflict], signals: [retry], firstDivergence: 0, entities: [], requests: 1,
};
const brief = (id: number, laneIndex: number, at: number | null, endAt: number | null, level: string | null, message: string) => ({
  id, lane: laneIndex, source: lanes[laneIndex]!.source, service: lanes[laneIndex]!.service || null, level, ts: at, at, endAt, name: null, status: null, message, locator: { line: id },
});
const view: RequestViewDto = {
  key: 'req-42',
  identifiers: [{ value: 'req-42', kinds: ['request'], events: 3 }, { value: TRACE, kinds: ['trace'], events: 2 }],
  joins: [{ identifier: TRACE, via: 'req-42', eventId: 11, source: 'gateway.log' }],
  events: [brief(10, 0, T, T + 300, null, 'POST /orders'), brief(11, 1, T + 20, T + 250, 'info', 'proxy'), brief(12, 2, T + 120, null, 'error', 'order paid'), brief(13, 3, null, null, null, 'untimed')],
  lanes: [0, 1, 2, 3],
  findings: [conflict],
  signals: [retry],
  firstDivergence: 0,
};

function render(event: number | null = null): string {
  return renderToString(createElement(RequestView, { incidentId: 'inc', investigation, requestKey: 'req-42', state: { ...DEFAULT_STATE, view: 'request', request: 'req-42', event }, navigate: () => {} }));
}

/** The opening tag of the element carrying `attr`. */
function tagWith(html: string, attr: string): string {
  const at = html.indexOf(attr);
  expect(at, `${attr} in the markup`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

describe('RequestView markup', () => {
  beforeEach(() => {
    resource.current = { data: view, status: 'ready', error: null };
  });

  it('heads with the group’s own first divergence', () => {
    const html = render();
    expect(html).toContain('First divergence in this request');
    expect(html).toContain('orders says paid while db says pending');
    expect(tagWith(html, 'class="view-divergence"')).toContain('data-first-divergence="true"');
  });

  it('explains how each identifier joined the group', () => {
    const html = render().replace(/<!-- -->/g, '');
    expect(html).toContain(`data-identifier="${TRACE}"`);
    expect(html).toMatch(/joined via <span[^>]*>request req-42<\/span> on <button[^>]*>event #11<\/button> in <span[^>]*>gateway.log<\/span>/);
  });

  it('draws a waterfall image with a summary, marking the selected event and the first divergence', () => {
    const html = render(12);
    const svg = tagWith(html, 'role="img"');
    expect(svg).toContain('aria-label="Waterfall of request req-42: 3 of 4 events on 4 lane(s) (browser.har, gateway.log, compose.log/orders, compose.log/db)');
    expect(tagWith(html, 'data-event-id="12" data-selected="true"')).toContain('rv-mark');
    expect(html).toContain('class="rv-first" data-first-divergence="true"');
    // Intervals are bars, points are ticks.
    expect(html).toMatch(/data-event-id="10"><title>[^<]*<\/title><rect class="rv-bar/);
    expect(html).toMatch(/data-event-id="12" data-selected="true"><title>[^<]*<\/title><rect class="rv-hit"/);
  });

  it('lists the events in a table, the selected row current and the first divergence row flagged', () => {
    const html = render(12);
    expect(html).toContain('aria-label="Events of request req-42"');
    const row = tagWith(html, '<tr data-event-id="12"');
    expect(row).toContain('aria-current="true"');
    expect(row).toContain('data-first-divergence="true"');
    expect(tagWith(html, '<tr data-event-id="11"')).not.toContain('aria-current');
  });

  it('lists findings and signals with links to their entity', () => {
    const html = render();
    expect(html).toContain('aria-label="Findings of request req-42"');
    expect(html).toContain('aria-label="Signals of request req-42"');
    expect(html).toMatch(/<button type="button" class="button button--link">order:1042 · status<\/button>/);
  });

  it('says when the incident has no such request', () => {
    resource.current = { data: null, status: 'error', error: { message: 'Not found', status: 404 } };
    const html = render();
    expect(html).toContain('No request req-42 in this incident');
    expect(html).not.toContain('Retry');
  });

  it('offers a retry when loading fails', () => {
    resource.current = { data: null, status: 'error', error: { message: 'Cannot reach the Witness server. Is it running?', status: 0 } };
    const html = render();
    expect(html).toContain('Could not load this request');
    expect(html).toContain('Retry');
  });

  it('keeps the view’s height while loading', () => {
    resource.current = { data: null, status: 'loading', error: null };
    const html = render();
    expect(html).toContain('class="view-placeholder"');
    expect(html).toContain('aria-busy="true"');
  });
});
