import { describe, expect, it } from 'vitest';
import type { AnalysisInput } from '@/lib/domain/analysis/input';
import { BIN_THRESHOLD } from '@/lib/domain/timeline/binning';
import { buildEventColumns, countVisible } from '@/lib/domain/timeline/columnar-events';
import { TIMELINE_EVENT_LIMIT, timelineSliceDtoSchema } from '@/lib/schemas/investigation';
import { demoInvestigation, idOfIndex } from '@/lib/test-support/demo-investigation';
import { alignmentFor, domain, ev } from '@/lib/test-support/timeline-fixture';
import { buildTimelineSlice, eventLabel, LABEL_MAX_CHARS } from './timeline-slice';
import { EventTable } from '@/lib/domain/analysis/event-table';

describe('timeline slices of the demo incident', () => {
  const subject = demoInvestigation();
  const cols = subject.columns.aligned;
  const slice = (from: number, to: number, mode: 'aligned' | 'raw' = 'aligned') =>
    buildTimelineSlice({
      fingerprint: 'fp',
      columns: subject.columns[mode],
      laneCount: subject.lanes.lanes.length,
      input: subject.input,
      eventIds: subject.eventIds,
      from,
      to,
      width: 800,
      eventLimit: TIMELINE_EVENT_LIMIT,
    });

  it('gives every visible event one by one, by id, in time order, with a short label', () => {
    const all = slice(cols.start[0]!, cols.start[cols.length - 1]!);
    expect(timelineSliceDtoSchema.parse(all)).toEqual(all);
    expect(all.bins).toBeNull();
    const events = all.events!;
    expect(all.visible).toBe(cols.length);
    expect(events.id).toHaveLength(all.visible);
    expect(events.id).toEqual(Array.from(cols.event, idOfIndex));
    for (let k = 1; k < events.start.length; k++) expect(events.start[k]!).toBeGreaterThanOrEqual(events.start[k - 1]!);
    expect(events.label.every((l) => l.length <= LABEL_MAX_CHARS)).toBe(true);
    expect(events.end.some((e) => e !== null)).toBe(true); // HAR entries and spans are intervals
  });

  it('a narrow window shows only what it overlaps; raw and aligned differ where clocks are skewed', () => {
    const mid = cols.start[Math.floor(cols.length / 2)]!;
    const narrow = slice(mid - 50, mid + 50);
    expect(narrow.visible).toBe(countVisible(cols, { startMs: mid - 50, endMs: mid + 50 }));
    expect(narrow.visible).toBeLessThan(cols.length);
    expect(narrow.events!.id.length).toBe(narrow.visible);
    const raw = slice(mid - 50, mid + 50, 'raw');
    expect(raw.time).toBe('raw');
    expect(raw.events!.id).not.toEqual(narrow.events!.id);
  });
});

describe('timeline slices above the event limit', () => {
  // 12,000 points on two lanes, one per ms, the second lane 500 ms ahead and aligned back.
  const n = 12_000;
  const input: AnalysisInput = {
    sources: [
      { name: 'a.log', format: null },
      { name: 'b.log', format: null },
    ],
    events: EventTable.of(Array.from({ length: n }, (_, i) => ev(i % 2, Math.floor(i / 2), { ts: 1_000_000 + i + (i % 2) * 500, level: i === 7777 ? 'error' : 'info', message: `event ${i}` }))),
  };
  const alignment = alignmentFor(input, [domain(0, 'a.log'), domain(1, 'b.log', { offsetMs: 500, aligned: true })], Array.from(input.events.source));
  const columns = buildEventColumns(input, alignment, Int32Array.from([0, 1]), 'aligned');
  const request = (from: number, to: number, width = 100) => ({
    fingerprint: 'fp',
    columns,
    laneCount: 2,
    input,
    eventIds: Float64Array.from({ length: input.events.length }, (_, i) => i + 1),
    from,
    to,
    width,
    eventLimit: TIMELINE_EVENT_LIMIT,
  });

  it('the limit is the binning threshold of the canvas', () => {
    expect(TIMELINE_EVENT_LIMIT).toBe(BIN_THRESHOLD);
  });

  it('switches to bins per lane and column whose counts add up to the visible points', () => {
    const slice = buildTimelineSlice(request(1_000_000, 1_000_000 + n));
    expect(timelineSliceDtoSchema.parse(slice)).toEqual(slice);
    expect(slice.visible).toBe(n);
    expect(slice.events).toBeNull();
    const bins = slice.bins!;
    expect(bins).toMatchObject({ columns: 100, lanes: 2 });
    expect(bins.counts).toHaveLength(200);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(slice.visible);
    // Each lane holds half the points, spread evenly over the columns.
    expect(bins.counts.slice(0, 100).reduce((a, b) => a + b, 0)).toBe(n / 2);
    expect(Math.max(...bins.maxLevel)).toBe(5); // the one error
  });

  it('at the limit still gives events one by one', () => {
    const from = 1_000_000;
    const slice = buildTimelineSlice(request(from, from + TIMELINE_EVENT_LIMIT - 1));
    expect(slice.visible).toBe(TIMELINE_EVENT_LIMIT);
    expect(slice.bins).toBeNull();
    expect(slice.events!.id).toHaveLength(TIMELINE_EVENT_LIMIT);
  });
});

describe('eventLabel', () => {
  it('is the message, else the name, cut to 160 characters without splitting a surrogate pair', () => {
    expect(eventLabel({ message: null, name: 'GET /api/items/:id' })).toBe('GET /api/items/:id');
    expect(eventLabel({ message: null, name: null })).toBe('');
    expect(eventLabel({ message: 'x'.repeat(500), name: 'n' })).toBe('x'.repeat(LABEL_MAX_CHARS));
    const emoji = `${'x'.repeat(LABEL_MAX_CHARS - 1)}😀tail`;
    expect(eventLabel({ message: emoji, name: null })).toBe('x'.repeat(LABEL_MAX_CHARS - 1));
  });
});
