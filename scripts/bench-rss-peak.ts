/**
 * When a bench child's peak RSS came, and what this thread held then: the process's peak alone
 * (resourceUsage().maxRSS) says how high, not when or why. One PostgreSQL JSON lines ingest
 * peaked at 709 MB where six runs of the same child peaked at 427-518 MB (README); sampled, the
 * next such peak names its moment and whether this thread's heap or its buffers grew.
 *
 * Sampled every SAMPLE_MS on this thread's event loop, so a peak reached while the thread is
 * busy (a synchronous SQLite insert) is seen late or lower; the worker threads' memory counts in
 * the RSS but not in `heapMb`.
 */

const SAMPLE_MS = 50;

export interface RssPeak {
  /** The highest RSS sampled. */
  rssMb: number;
  /** Seconds after the watch started. */
  atS: number;
  /** This thread's V8 heap in use at that sample. */
  heapMb: number;
  /** Memory outside V8's heap that this thread's objects hold (Buffers, typed arrays). */
  externalMb: number;
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Samples from now until `stop()`, which gives the highest sample. */
export function watchRssPeak(): { stop: () => RssPeak } {
  const started = performance.now();
  let peak: RssPeak = { rssMb: 0, atS: 0, heapMb: 0, externalMb: 0 };
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (mb(rss) <= peak.rssMb) return;
    const { heapUsed, external } = process.memoryUsage();
    peak = { rssMb: mb(rss), atS: (performance.now() - started) / 1000, heapMb: mb(heapUsed), externalMb: mb(external) };
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
