/**
 * Writers for the demo's evidence files. Each writer collects records stamped in TRUE time,
 * converts them to its host's clock (true + skew) when it renders, writes them in the order the
 * host would (by its own clock), and remembers where each marked record landed: a line for line
 * formats, an index for HAR entries and JSON array elements, a span id for spans. Those
 * locations are what the expectations cite.
 */
import type { DemoFile, DemoLocator, ExpectedDomain, StoryId } from './types';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** PostgreSQL's `%m` log prefix: `2026-11-20 10:02:06.412 UTC`. */
export function pgTime(ms: number): string {
  return `${iso(ms).replace('T', ' ').replace('Z', '')} UTC`;
}

/** `key=value` pairs as logrus / go-kit write them; values with spaces or quotes are quoted. */
export function logfmt(pairs: ReadonlyArray<readonly [string, unknown]>): string {
  const out: string[] = [];
  for (const [key, value] of pairs) {
    if (value === undefined || value === null) continue;
    const s = String(value);
    out.push(/[\s"=]/.test(s) || s.length === 0 ? `${key}=${JSON.stringify(s)}` : `${key}=${s}`);
  }
  return out.join(' ');
}

interface Built {
  file: DemoFile;
  locate(mark: string): DemoLocator;
}

function locator(marks: Map<string, DemoLocator>, file: string, mark: string): DemoLocator {
  const found = marks.get(mark);
  if (!found) throw new Error(`demo: ${file} has no record marked "${mark}"`);
  return found;
}

/** A line-per-record log (JSON lines, logfmt, timestamped text) of one host. */
export class LineLog {
  private readonly records: { host: number; seq: number; text: string; mark?: string }[] = [];
  constructor(
    readonly name: string,
    readonly story: StoryId,
    readonly format: 'jsonl' | 'logfmt' | 'text',
    readonly skewMs: number,
  ) {}

  /** `render` gets the host's clock reading (true + skew) and returns the record's text. */
  add(trueMs: number, render: (hostMs: number) => string, mark?: string): void {
    this.records.push({ host: trueMs + this.skewMs, seq: this.records.length, text: render(trueMs + this.skewMs), mark });
  }

  build(): Built {
    const sorted = [...this.records].sort((a, b) => a.host - b.host || a.seq - b.seq);
    const marks = new Map<string, DemoLocator>();
    let line = 1;
    const lines: string[] = [];
    for (const r of sorted) {
      if (r.mark !== undefined) {
        if (marks.has(r.mark)) throw new Error(`demo: mark "${r.mark}" used twice in ${this.name}`);
        marks.set(r.mark, { line });
      }
      lines.push(r.text);
      line += r.text.split('\n').length;
    }
    return {
      file: { name: this.name, story: this.story, format: this.format, text: lines.join('\n') + '\n' },
      locate: (mark) => locator(marks, this.name, mark),
    };
  }
}

export interface HarExchange {
  /** True time the browser started the request and got the whole response. */
  start: number;
  end: number;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  requestBody?: unknown;
  status: number;
  statusText: string;
  responseHeaders?: Array<[string, string]>;
  /** JSON response body, or undefined for none. */
  responseBody?: unknown;
  resourceType?: string;
}

/** A browser's HAR 1.2 export: one entry per request, in the order the requests started. */
export class HarLog {
  private readonly entries: { ex: HarExchange; seq: number; mark?: string }[] = [];
  constructor(
    readonly name: string,
    readonly story: StoryId,
    readonly skewMs: number,
    private readonly page: { title: string; startTrue: number },
  ) {}

  add(ex: HarExchange, mark?: string): void {
    this.entries.push({ ex, seq: this.entries.length, mark });
  }

  private entry(ex: HarExchange): Record<string, unknown> {
    const time = ex.end - ex.start;
    const body = ex.responseBody === undefined ? '' : JSON.stringify(ex.responseBody);
    const blocked = Math.min(1.2, time / 10);
    const send = 0.1;
    const receive = Math.min(0.8, time / 10);
    const wait = Math.max(0, +(time - blocked - send - receive).toFixed(3));
    const headers = ex.headers.map(([name, value]) => ({ name, value }));
    const request: Record<string, unknown> = {
      method: ex.method,
      url: ex.url,
      httpVersion: 'h2',
      headers,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: ex.requestBody === undefined ? 0 : JSON.stringify(ex.requestBody).length,
    };
    if (ex.requestBody !== undefined) request.postData = { mimeType: 'application/json', text: JSON.stringify(ex.requestBody) };
    return {
      pageref: 'page_1',
      startedDateTime: iso(ex.start + this.skewMs),
      time,
      request,
      response: {
        status: ex.status,
        statusText: ex.statusText,
        httpVersion: 'h2',
        headers: [
          { name: 'content-type', value: 'application/json; charset=utf-8' },
          ...(ex.responseHeaders ?? []).map(([name, value]) => ({ name, value })),
        ],
        cookies: [],
        content: { size: body.length, mimeType: 'application/json', text: body },
        redirectURL: '',
        headersSize: -1,
        bodySize: body.length,
        _transferSize: body.length + 180,
      },
      cache: {},
      timings: { blocked, dns: -1, ssl: -1, connect: -1, send, wait, receive },
      serverIPAddress: '203.0.113.20',
      _resourceType: ex.resourceType ?? 'fetch',
    };
  }

  build(): Built {
    const sorted = [...this.entries].sort((a, b) => a.ex.start - b.ex.start || a.seq - b.seq);
    const marks = new Map<string, DemoLocator>();
    sorted.forEach((e, index) => {
      if (e.mark !== undefined) marks.set(e.mark, { index });
    });
    const doc = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [
          {
            startedDateTime: iso(this.page.startTrue + this.skewMs),
            id: 'page_1',
            title: this.page.title,
            pageTimings: { onContentLoad: 412.6, onLoad: 803.2 },
          },
        ],
        entries: sorted.map((e) => this.entry(e.ex)),
      },
    };
    return {
      file: { name: this.name, story: this.story, format: 'har', text: JSON.stringify(doc, null, 2) + '\n' },
      locate: (mark) => locator(marks, this.name, mark),
    };
  }
}

/** A JSON array of records (an export), one element per record, in time order. */
export class JsonArrayLog {
  private readonly records: { host: number; seq: number; value: Record<string, unknown>; mark?: string }[] = [];
  constructor(
    readonly name: string,
    readonly story: StoryId,
    readonly skewMs: number,
  ) {}

  add(trueMs: number, render: (hostMs: number) => Record<string, unknown>, mark?: string): void {
    this.records.push({ host: trueMs + this.skewMs, seq: this.records.length, value: render(trueMs + this.skewMs), mark });
  }

  build(): Built {
    const sorted = [...this.records].sort((a, b) => a.host - b.host || a.seq - b.seq);
    const marks = new Map<string, DemoLocator>();
    sorted.forEach((r, index) => {
      if (r.mark !== undefined) marks.set(r.mark, { index });
    });
    const text = '[\n' + sorted.map((r) => '  ' + JSON.stringify(r.value)).join(',\n') + '\n]\n';
    return {
      file: { name: this.name, story: this.story, format: 'json', text },
      locate: (mark) => locator(marks, this.name, mark),
    };
  }
}

export type AttrValue = string | number | boolean;

export interface SpanInput {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: 1 | 2 | 3 | 4 | 5;
  /** True times. */
  start: number;
  end: number;
  attributes: Record<string, AttrValue>;
  error?: string;
}

function otlpValue(v: AttrValue): Record<string, unknown> {
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  return { stringValue: v };
}

/** An OTLP/JSON trace export (ExportTraceServiceRequest) of several services, each on its own clock. */
export class OtlpTraceLog {
  private readonly spans: SpanInput[] = [];
  constructor(
    readonly name: string,
    readonly story: StoryId,
    private readonly skews: Record<string, number>,
  ) {}

  add(span: SpanInput): void {
    this.spans.push(span);
  }

  build(): Built {
    const services = [...new Set(this.spans.map((s) => s.service))];
    const nanos = (ms: number): string => `${Math.round(ms)}000000`;
    const doc = {
      resourceSpans: services.map((service) => ({
        resource: {
          attributes: [
            { key: 'service.name', value: { stringValue: service } },
            { key: 'deployment.environment', value: { stringValue: 'production' } },
          ],
        },
        scopeSpans: [
          {
            scope: { name: `${service}.tracer`, version: '1.9.0' },
            spans: this.spans
              .filter((s) => s.service === service)
              .sort((a, b) => a.start - b.start)
              .map((s) => {
                const skew = this.skews[s.service] ?? 0;
                const span: Record<string, unknown> = {
                  traceId: s.traceId,
                  spanId: s.spanId,
                  name: s.name,
                  kind: s.kind,
                  startTimeUnixNano: nanos(s.start + skew),
                  endTimeUnixNano: nanos(s.end + skew),
                  attributes: Object.entries(s.attributes).map(([key, value]) => ({ key, value: otlpValue(value) })),
                  status: s.error !== undefined ? { code: 2, message: s.error } : { code: 1 },
                };
                if (s.parentSpanId !== undefined) span.parentSpanId = s.parentSpanId;
                return span;
              }),
          },
        ],
      })),
    };
    return {
      file: { name: this.name, story: this.story, format: 'otlp', text: JSON.stringify(doc, null, 2) + '\n' },
      locate: (mark) => {
        if (!this.spans.some((s) => s.spanId === mark)) throw new Error(`demo: ${this.name} has no span ${mark}`);
        return { spanId: mark };
      },
    };
  }
}

/** Collects the built files and the domains (with their skews) of a story. */
export class Evidence {
  readonly files: DemoFile[] = [];
  readonly domains: ExpectedDomain[] = [];
  private readonly built = new Map<string, Built>();

  add(built: Built): void {
    if (this.built.has(built.file.name)) throw new Error(`demo: two files named ${built.file.name}`);
    this.built.set(built.file.name, built);
    this.files.push(built.file);
  }

  domain(source: string, service: string, story: StoryId, skewMs: number, alignable = true): void {
    this.domains.push({ source, service, story, skewMs, alignable });
  }

  locate(file: string, mark: string): DemoLocator {
    const b = this.built.get(file);
    if (!b) throw new Error(`demo: no file ${file}`);
    return b.locate(mark);
  }
}
