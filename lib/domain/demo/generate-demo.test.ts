import { describe, expect, it } from 'vitest';
import type { EvidenceEvent } from '../event';
import { parseText } from '../parse';
import { profileSchema } from '../../schemas/profile';
import { DEFAULT_DEMO_BASE_TIME_MS, GATEWAY_FILE, generateDemo } from './generate-demo';
import type { DemoIncident, DemoLocator, ExpectedFinding } from './types';

const demo = generateDemo({ seed: 1, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
const parsed = new Map(demo.files.map((f) => [f.name, parseText(f.text, f.name)]));

function eventAt(source: string, locator: DemoLocator): EvidenceEvent {
  const events = parsed.get(source)?.events ?? [];
  const found = events.filter((e) => JSON.stringify(e.locator) === JSON.stringify(locator));
  expect(found, `${source} ${JSON.stringify(locator)}`).toHaveLength(1);
  return found[0] as EvidenceEvent;
}

/** What a record says about `key`: its own field, its HAR response body's, or the id slot it filled. */
function says(event: EvidenceEvent, key: string): unknown {
  const body = event.attributes.responseBody;
  const bag: Record<string, unknown> = typeof body === 'object' && body !== null ? { ...(body as object), ...event.attributes } : event.attributes;
  if (key in bag) return bag[key];
  if (key === 'request_id') return event.ids.requestId;
  if (key === 'correlation_id') return event.ids.correlationId;
  return undefined;
}

function allExpected(d: DemoIncident): ExpectedFinding[] {
  return d.expectations.stories.flatMap((s) => [s.firstDivergence, ...s.alsoExpected]);
}

describe('the demo incident files', () => {
  it('parse with the real parsers into their format, with nothing unparsed', () => {
    expect(demo.files.length).toBeGreaterThanOrEqual(15);
    for (const file of demo.files) {
      const p = parsed.get(file.name)!;
      expect(p.format, file.name).toBe(file.format);
      expect(p.events.filter((e) => e.unparsed), file.name).toEqual([]);
      expect(p.diagnostics, file.name).toEqual([]);
      expect(p.events.every((e) => e.ts !== null), file.name).toBe(true);
    }
  });

  it('use several formats per story', () => {
    for (const story of demo.expectations.stories) {
      const formats = new Set(demo.files.filter((f) => story.files.includes(f.name)).map((f) => f.format));
      expect(formats.size, `story ${story.story}`).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(demo.files.map((f) => f.format))).toEqual(new Set(['har', 'jsonl', 'text', 'logfmt', 'json', 'otlp']));
  });

  it('name every clock domain of the evidence, with its skew', () => {
    const domains = new Set(demo.expectations.domains.map((d) => `${d.source}|${d.service}`));
    const seen = new Set<string>();
    for (const [name, p] of parsed) for (const e of p.events) seen.add(`${name}|${e.service}`);
    expect([...seen].sort()).toEqual([...domains].sort());
    const skews = demo.expectations.domains.filter((d) => d.skewMs !== 0);
    expect(skews.length).toBeGreaterThanOrEqual(8);
    expect(skews.every((d) => d.alignable)).toBe(true);
  });
});

describe('the expected divergences', () => {
  it('point at records that exist and say what the story says', () => {
    for (const f of allExpected(demo)) {
      const event = eventAt(f.event.source, f.event.locator);
      for (const [key, value] of Object.entries(f.says)) {
        expect(String(says(event, key)), `${f.event.source} ${JSON.stringify(f.event.locator)} ${key}`).toBe(String(value));
      }
      if (f.entity !== null) {
        const [, id] = f.entity.split(':');
        expect(Object.values(f.says).map(String)).toContain(id);
      }
    }
  });

  it('are one per story kind as the brief asks, and story 1 is the incident’s first', () => {
    const kinds = demo.expectations.stories.map((s) => s.firstDivergence.kind);
    expect(kinds).toEqual(['invariant', 'conflict', 'stale_write', 'conflict', 'conflict']);
    expect(demo.expectations.stories.flatMap((s) => s.alsoExpected.map((f) => f.kind))).toContain('duplicate_effect');
    const ats = demo.expectations.stories.map((s) => Date.parse(s.firstDivergence.at));
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(ats[1]! - ats[0]!).toBeGreaterThan(3 * 60_000);
    expect(demo.expectations.firstDivergence).toEqual(demo.expectations.stories[0]!.firstDivergence);
  });

  it('keep each story’s entities to itself', () => {
    const owner = new Map<string, number>();
    for (const s of demo.expectations.stories) {
      for (const e of [s.firstDivergence, ...s.alsoExpected].map((f) => f.entity).concat(s.quietEntities)) {
        if (e === null) continue;
        expect(owner.get(e) ?? s.story, e).toBe(s.story);
        owner.set(e, s.story);
      }
    }
  });
});

describe('the profile', () => {
  it('validates and leaves every offset to the alignment', () => {
    const result = profileSchema.safeParse(demo.profile);
    expect(result.success).toBe(true);
    expect(demo.profile.offsets).toEqual({});
    expect(demo.profile.entities.map((e) => e.type)).toEqual(['role', 'item', 'cart', 'product', 'order']);
  });
});

describe('determinism', () => {
  const bytes = (d: DemoIncident): string => JSON.stringify(d);
  it('gives the same bytes for the same seed and base time', () => {
    expect(bytes(generateDemo({ seed: 1, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS }))).toBe(bytes(demo));
    expect(bytes(generateDemo({ seed: 7, baseTimeMs: 1_700_000_000_000 }))).toBe(bytes(generateDemo({ seed: 7, baseTimeMs: 1_700_000_000_000 })));
  });
  it('gives other evidence for another seed, with the same story shapes', () => {
    const other = generateDemo({ seed: 2, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS });
    expect(bytes(other)).not.toBe(bytes(demo));
    expect(other.files.map((f) => f.name)).toEqual(demo.files.map((f) => f.name));
    expect(other.expectations.stories.map((s) => s.firstDivergence.kind)).toEqual(demo.expectations.stories.map((s) => s.firstDivergence.kind));
  });
  it('moves with the base time', () => {
    const later = generateDemo({ seed: 1, baseTimeMs: DEFAULT_DEMO_BASE_TIME_MS + 86_400_000 });
    const shift = (d: DemoIncident): number => Date.parse(d.expectations.firstDivergence.at);
    expect(shift(later) - shift(demo)).toBe(86_400_000);
    expect(later.expectations.firstDivergence.event).toEqual(demo.expectations.firstDivergence.event);
  });
});

describe('clock skews', () => {
  const skewOf = new Map(demo.expectations.domains.map((d) => [`${d.source}|${d.service}`, d.skewMs]));
  const events = [...parsed].flatMap(([source, p]) => p.events.map((e) => ({ source, e, skew: skewOf.get(`${source}|${e.service}`) ?? NaN })));

  it('show in the same request seen by a browser and by a service', () => {
    const hars = events.filter((x) => x.source.endsWith('.har') && x.e.ids.requestId !== null);
    let checked = 0;
    for (const { source, e: entry } of hars) {
      const [start, end] = entry.interval!;
      for (const other of events) {
        if (other.source === source || other.source === GATEWAY_FILE || other.e.ids.requestId !== entry.ids.requestId || other.skew === 0) continue;
        // Story 1's first attempt ends on the server after the gateway gave up: its last lines lie outside.
        const t = other.e.interval ? other.e.interval[0] : other.e.ts!;
        const raw = t - start;
        expect(raw, `${other.source} ${JSON.stringify(other.e.locator)}`).toBeGreaterThanOrEqual(other.skew);
        expect(raw, `${other.source} ${JSON.stringify(other.e.locator)}`).toBeLessThanOrEqual(other.skew + (end - start) + 200);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('make every service interval fit inside its browser entry once the skew is removed', () => {
    const hars = events.filter((x) => x.source.endsWith('.har') && x.e.ids.requestId !== null);
    let contained = 0;
    let outside = 0;
    for (const { source, e: entry } of hars) {
      const [start, end] = entry.interval!;
      for (const other of events) {
        if (other.source === source || other.e.ids.requestId !== entry.ids.requestId || !other.e.interval || other.source === 'frontend-store.jsonl') continue;
        const [s, e] = other.e.interval;
        if (s - other.skew >= start && e - other.skew <= end) contained++;
        else outside++;
      }
    }
    expect(contained).toBeGreaterThan(40);
    expect(outside).toBeLessThanOrEqual(1); // story 1, attempt 1: roles-api finished after the 504
  });

  it('show between payments spans and the psp-adapter spans inside them', () => {
    const spans = parsed.get('payments-otlp.json')!.events.filter((e) => 'spanId' in e.locator);
    const byId = new Map(spans.map((s) => [s.ids.spanId, s]));
    const psp = spans.filter((s) => s.service === 'psp-adapter');
    expect(psp.length).toBeGreaterThan(5);
    for (const child of psp) {
      const parent = byId.get(child.ids.parentSpanId)!;
      expect(parent.service).toBe('payments');
      const lead = child.interval![0] - parent.interval![0];
      expect(lead).toBeGreaterThanOrEqual(1800);
      expect(lead).toBeLessThan(1800 + 20);
    }
  });
});
