/**
 * `npm run bench`'s calibration of the machine itself, in a process of its own: how much a
 * page of memory touched for the first time costs, and the performance guide's own yardstick
 * (split 1M JSON lines by hand and JSON.parse each: 1.13 s where the guide was measured). On the
 * development machine both varied by 2x or more from one hour to the next, and every
 * memory-heavy row of the table moves with the first: read the table beside them.
 * Prints one JSON line: { pageUs, parseS }.
 */
import { forEachLine } from './bench-lines';

const PAGE = 4096;
const FRESH_BYTES = 256 << 20;

/** Microseconds per page of fresh memory: a buffer the process never had, written once per page. */
function freshPageUs(): number {
  const started = performance.now();
  const buffer = Buffer.allocUnsafeSlow(FRESH_BYTES);
  for (let at = 0; at < FRESH_BYTES; at += PAGE) buffer[at] = 1;
  return ((performance.now() - started) * 1000) / (FRESH_BYTES / PAGE);
}

/** Seconds to split the file into lines (1 MiB reads, by hand) and JSON.parse each. */
function splitAndParseS(file: string): number {
  const started = performance.now();
  let records = 0;
  forEachLine(file, (line) => {
    if (JSON.parse(line) !== null) records++;
  });
  if (records === 0) throw new Error(`${file}: no JSON lines`);
  return (performance.now() - started) / 1000;
}

const file = process.argv[2];
if (!file) throw new Error('usage: bench-machine.ts FILE.jsonl');
console.log(JSON.stringify({ pageUs: freshPageUs(), parseS: splitAndParseS(file) }));
