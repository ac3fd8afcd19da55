/**
 * The memory the analyses of one process may hold (incident-analysis.ts), so that a big
 * incident gets a clear answer instead of taking the server down.
 *
 * An analysis holds every event of its incident in the JavaScript heap, and V8's heap has a
 * fixed limit (by default a share of the machine's memory, at most about 4 GB on 64-bit;
 * `--max-old-space-size` sets it). A process that reaches it dies: every user's requests fail and
 * the ingests in flight are lost until the next start marks them failed (recover-interrupted.ts).
 * So the heap an analysis will need is estimated from its sources before anything is loaded, and:
 *
 * - an analysis that alone needs more than the budget is refused (AnalysisTooLargeError) with the
 *   numbers and what to do; the events list, search and the overview do not need an analysis
 *   and keep working;
 * - the kept analyses are a cache: the least recently used are dropped, one at a time, when the
 *   new one would not fit beside them (only when dropping them makes it fit);
 * - an analysis that does not fit beside others being computed waits for them, in arrival
 *   order, so that a stream of small ones never holds a big one back for good.
 *
 * What it cannot see: an entry dropped from the cache while a request still reads it lives until
 * that request answers (milliseconds, while a new load takes seconds), and so does an analysis
 * answered but not kept because its inputs moved while it ran.
 *
 * The budget is WITNESS_ANALYSIS_MEMORY_MB, else 70% of the heap limit (the rest is the server's
 * own: requests, ingest batches, Next), so raising the heap limit raises the budget.
 */
import { getHeapStatistics } from 'node:v8';
import { AnalysisTooLargeError } from '../errors';

/**
 * Heap per event and per byte of its source's text at the peak of loading and analyzing it.
 * Measured on 1M-event SQLite bench databases since the events load as columns
 * (lib/domain/analysis/event-table.ts; peak heap in --trace-gc, less the ~40 MB of an idle
 * process): JSON lines 1M events / 243 MB -> 278 MB, OTLP 1M spans / 479 MB -> 451 MB (so
 * ~100 B an event and ~0.73 a byte: the strings and attribute objects), HAR 73,711 entries /
 * 100 MB -> 104 MB (headers and bodies stay in the events' attributes: ~1.0 a byte). Rounded up,
 * so the estimate is 15-50% above what these took plus the columns the views derive later
 * (~50 B an event for both time modes): JSON lines 387 MB against 328, OTLP 587 against 501.
 */
export const HEAP_BYTES_PER_EVENT = 180;
const HEAP_PER_TEXT_BYTE = { har: 1.5, other: 0.85 } as const;

/** Of the V8 heap limit, what analyses may hold when WITNESS_ANALYSIS_MEMORY_MB is not set. */
export const DEFAULT_HEAP_SHARE = 0.7;

const MB = 1024 * 1024;

export interface SourceSize {
  status: string;
  format: string | null;
  eventCount: number;
  /** Bytes of the source's text (after decompression). */
  parsedBytes: number;
}

export interface AnalysisSize {
  /** Events of the ready sources: what is loaded. */
  events: number;
  /** The heap the analysis will need at its peak, bytes. */
  heapBytes: number;
}

export function analysisSize(sources: readonly SourceSize[]): AnalysisSize {
  let events = 0;
  let heapBytes = 0;
  for (const source of sources) {
    if (source.status !== 'ready') continue;
    const perTextByte = source.format === 'har' ? HEAP_PER_TEXT_BYTE.har : HEAP_PER_TEXT_BYTE.other;
    events += source.eventCount;
    heapBytes += source.eventCount * HEAP_BYTES_PER_EVENT + source.parsedBytes * perTextByte;
  }
  return { events, heapBytes };
}

export interface MemoryBudget {
  bytes: number;
  /** Where it comes from: the setting, or the heap limit's share. */
  from: 'setting' | 'heap';
}

/** What all the analyses of this process may hold at once. */
export function analysisMemoryBudget(env: Readonly<Record<string, string | undefined>> = process.env, heapLimit = getHeapStatistics().heap_size_limit): MemoryBudget {
  const setting = env.WITNESS_ANALYSIS_MEMORY_MB;
  if (setting === undefined || setting.trim() === '') return { bytes: Math.floor(heapLimit * DEFAULT_HEAP_SHARE), from: 'heap' };
  const mb = Number(setting);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`invalid environment: WITNESS_ANALYSIS_MEMORY_MB: expected a number of megabytes above 0, got "${setting}"`);
  return { bytes: Math.floor(mb * MB), from: 'setting' };
}

export function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MB).toLocaleString('en-US')} MB`;
}

/** What the kept analyses are to the budget: their bytes, and dropping the least recently used. */
export interface KeptAnalyses {
  bytes(): number;
  /** Drops the least recently used; false when there was none. */
  dropOldest(): boolean;
}

interface Waiting {
  size: AnalysisSize;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Reservations against the budget: what the analyses being computed will need. */
export class AnalysisMemory {
  private reserved = 0;
  private readonly queue: Waiting[] = [];

  constructor(
    private readonly budget: () => MemoryBudget,
    private readonly kept: KeptAnalyses,
  ) {}

  /**
   * Reserves what an analysis of this size needs, once it fits beside the other reservations
   * and the kept analyses (dropping some of those if that is enough), after every analysis
   * that was waiting before it; returns the release. Refuses what could never fit.
   */
  async reserve(size: AnalysisSize): Promise<() => void> {
    const budget = this.budget();
    if (size.heapBytes > budget.bytes) throw tooLarge(size, budget);
    if (this.queue.length > 0 || !this.take(size.heapBytes)) {
      await new Promise<void>((resolve, reject) => this.queue.push({ size, resolve, reject }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reserved -= size.heapBytes;
      this.admitWaiting();
    };
  }

  /** Bytes reserved by analyses being computed. */
  get inUse(): number {
    return this.reserved;
  }

  /** Takes `bytes` if they fit now, dropping kept analyses (oldest first) only when that makes them fit. */
  private take(bytes: number): boolean {
    const budget = this.budget().bytes;
    if (this.reserved + bytes > budget) return false;
    while (this.reserved + bytes + this.kept.bytes() > budget) if (!this.kept.dropOldest()) return false;
    this.reserved += bytes;
    return true;
  }

  /** Lets the waiting analyses go in arrival order, as far as they fit. */
  private admitWaiting(): void {
    while (this.queue.length > 0) {
      const first = this.queue[0]!;
      const budget = this.budget();
      if (first.size.heapBytes > budget.bytes) {
        // The budget shrank while it waited (a test, or a setting read again).
        this.queue.shift();
        first.reject(tooLarge(first.size, budget));
        continue;
      }
      if (!this.take(first.size.heapBytes)) return;
      this.queue.shift();
      first.resolve();
    }
  }
}

function tooLarge(size: AnalysisSize, budget: MemoryBudget): AnalysisTooLargeError {
  const more =
    budget.from === 'heap'
      ? `give the server more memory: start it with NODE_OPTIONS=--max-old-space-size=MB (analyses may use ${Math.round(DEFAULT_HEAP_SHARE * 100)}% of it) or set WITNESS_ANALYSIS_MEMORY_MB`
      : `raise WITNESS_ANALYSIS_MEMORY_MB, with Node's heap limit (NODE_OPTIONS=--max-old-space-size=MB) above it`;
  return new AnalysisTooLargeError(
    `this incident is too large to analyze on this server: its ${size.events.toLocaleString('en-US')} events need about ${megabytes(size.heapBytes)} of memory, ` +
      `and analyses may use ${megabytes(budget.bytes)} here. The events list, search and the overview still work. To analyze it, split the evidence ` +
      `across incidents (by service or time), or ${more}`,
  );
}
