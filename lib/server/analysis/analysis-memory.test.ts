import { describe, expect, it } from 'vitest';
import { AnalysisTooLargeError } from '../errors';
import { AnalysisMemory, analysisMemoryBudget, analysisSize, DEFAULT_HEAP_SHARE, HEAP_BYTES_PER_EVENT, type MemoryBudget } from './analysis-memory';

const MB = 1024 * 1024;

/** Lets every settled promise run its callbacks: a reservation still pending after this waits. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const size = (heapBytes: number, events = 1) => ({ events, heapBytes });

describe('analysisSize', () => {
  it('counts the events and text of ready sources only, HAR text heavier', () => {
    const counted = analysisSize([
      { status: 'ready', format: 'jsonl', eventCount: 1000, parsedBytes: 200_000 },
      { status: 'ready', format: 'har', eventCount: 10, parsedBytes: 100_000 },
      { status: 'failed', format: 'jsonl', eventCount: 0, parsedBytes: 5_000_000 },
      { status: 'parsing', format: 'jsonl', eventCount: 900, parsedBytes: 180_000 },
    ]);
    expect(counted).toEqual({ events: 1010, heapBytes: 1010 * HEAP_BYTES_PER_EVENT + 200_000 * 0.85 + 100_000 * 1.5 });
  });

  it('estimates at least what the measured 1M-event loads took, with the columns of the views', () => {
    // The measurements the constants come from (analysis-memory.ts), idle process excluded,
    // plus ~50 bytes an event for the columns the views derive.
    const heap = (format: string, eventCount: number, parsedBytes: number) => analysisSize([{ status: 'ready', format, eventCount, parsedBytes }]).heapBytes;
    const views = (events: number) => events * 50;
    expect(heap('jsonl', 1_000_000, 243_479_389)).toBeGreaterThan(278 * 1e6 + views(1_000_000));
    expect(heap('otlp', 1_000_000, 478_671_142)).toBeGreaterThan(451 * 1e6 + views(1_000_000));
    expect(heap('har', 73_711, 100_000_745)).toBeGreaterThan(104 * 1e6 + views(73_711));
  });
});

describe('analysisMemoryBudget', () => {
  it('is a share of the heap limit unless WITNESS_ANALYSIS_MEMORY_MB says otherwise', () => {
    expect(analysisMemoryBudget({}, 4000 * MB)).toEqual({ bytes: Math.floor(4000 * MB * DEFAULT_HEAP_SHARE), from: 'heap' });
    expect(analysisMemoryBudget({ WITNESS_ANALYSIS_MEMORY_MB: ' ' }, 4000 * MB)).toEqual({ bytes: Math.floor(4000 * MB * DEFAULT_HEAP_SHARE), from: 'heap' });
    expect(analysisMemoryBudget({ WITNESS_ANALYSIS_MEMORY_MB: '1500' }, 4000 * MB)).toEqual({ bytes: 1500 * MB, from: 'setting' });
  });

  it('names the variable and what it expects when the setting is not a size', () => {
    for (const bad of ['lots', '0', '-3']) {
      expect(() => analysisMemoryBudget({ WITNESS_ANALYSIS_MEMORY_MB: bad })).toThrow(`WITNESS_ANALYSIS_MEMORY_MB: expected a number of megabytes above 0, got "${bad}"`);
    }
  });
});

describe('AnalysisMemory', () => {
  /** A gate over kept analyses of the given sizes, least recently used first. */
  function gate(budget: number | MemoryBudget, kept: number[] = []) {
    const state = { budget: typeof budget === 'number' ? { bytes: budget, from: 'heap' as const } : budget, kept: [...kept], dropped: [] as number[] };
    const memory = new AnalysisMemory(() => state.budget, {
      bytes: () => state.kept.reduce((sum, b) => sum + b, 0),
      dropOldest: () => {
        const oldest = state.kept.shift();
        if (oldest === undefined) return false;
        state.dropped.push(oldest);
        return true;
      },
    });
    return { memory, state };
  }

  it('refuses at once what could never fit, with the numbers and what to do', async () => {
    const { memory, state } = gate(100 * MB, [50 * MB]);
    const refusal = memory.reserve(size(101 * MB, 1_234_567));
    await expect(refusal).rejects.toBeInstanceOf(AnalysisTooLargeError);
    await expect(refusal).rejects.toThrow(/its 1,234,567 events need about 101 MB of memory, and analyses may use 100 MB here\..*start it with NODE_OPTIONS=--max-old-space-size=MB \(analyses may use 70% of it\)/);
    // Refused before anything else: no kept analysis is dropped for it.
    expect(state.dropped).toEqual([]);
    expect(memory.inUse).toBe(0);
  });

  it('says to raise the setting when the budget is the setting', async () => {
    const { memory } = gate({ bytes: 10 * MB, from: 'setting' });
    await expect(memory.reserve(size(11 * MB))).rejects.toThrow(/raise WITNESS_ANALYSIS_MEMORY_MB, with Node's heap limit/);
  });

  it('keeps the kept analyses while the new one fits beside them, and drops the oldest only as far as needed', async () => {
    const { memory, state } = gate(100, [30, 20]);
    const first = await memory.reserve(size(50));
    expect(state.dropped).toEqual([]);
    first();
    const second = await memory.reserve(size(60));
    // 60 + 30 + 20 > 100: dropping the oldest (30) is enough.
    expect(state.dropped).toEqual([30]);
    expect(state.kept).toEqual([20]);
    expect(memory.inUse).toBe(60);
    second();
    expect(memory.inUse).toBe(0);
  });

  it('drops nothing kept for an analysis that has to wait anyway', async () => {
    const { memory, state } = gate(100, [30]);
    const computing = await memory.reserve(size(60));
    let reserved = false;
    const waiting = memory.reserve(size(50)).then((release) => {
      reserved = true;
      return release;
    });
    await settle();
    expect(reserved).toBe(false);
    expect(state.dropped).toEqual([]);
    computing();
    await settle();
    // Now 50 + 30 fits without dropping either.
    expect(reserved).toBe(true);
    expect(state.dropped).toEqual([]);
    (await waiting)();
  });

  it('lets waiting analyses go in arrival order: a small one does not pass a big one', async () => {
    const { memory } = gate(100);
    const first = await memory.reserve(size(70));
    const order: string[] = [];
    const big = memory.reserve(size(80)).then((release) => (order.push('big'), release));
    const small = memory.reserve(size(20)).then((release) => (order.push('small'), release));
    await settle();
    // 70 + 20 would fit, but the big one came first.
    expect(order).toEqual([]);
    first();
    await settle();
    expect(order).toEqual(['big', 'small']);
    expect(memory.inUse).toBe(100);
    (await big)();
    (await small)();
    expect(memory.inUse).toBe(0);
  });

  it('refuses a waiting analysis that the budget no longer holds', async () => {
    const { memory, state } = gate(100);
    const first = await memory.reserve(size(70));
    const waiting = memory.reserve(size(60));
    state.budget = { bytes: 50, from: 'heap' };
    first();
    await expect(waiting).rejects.toBeInstanceOf(AnalysisTooLargeError);
    expect(memory.inUse).toBe(0);
  });

  it('releases once, however often the release is called', async () => {
    const { memory } = gate(100);
    const release = await memory.reserve(size(40));
    const other = await memory.reserve(size(40));
    release();
    release();
    expect(memory.inUse).toBe(40);
    other();
  });
});
