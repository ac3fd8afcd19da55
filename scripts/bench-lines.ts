/**
 * The benchmarks' bare line reader, as the performance guide measured it: 1 MiB reads, lines
 * split by hand on the decoded text (a streaming TextDecoder keeps a character split across
 * reads whole), empty lines skipped. The machine's yardstick (bench-machine.ts) and the ingest
 * floor (bench-floor-worker.ts) read the JSON lines through it, so the two compare.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export function forEachLine(file: string, take: (line: string) => void): void {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder();
  let tail = '';
  const line = (text: string) => {
    if (text.length > 0) take(text);
  };
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const text = decoder.decode(chunk.subarray(0, read), { stream: true });
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; from = nl + 1, nl = text.indexOf('\n', from)) line(from === 0 ? tail + text.slice(0, nl) : text.slice(from, nl));
      tail = from === 0 ? tail + text : text.slice(from);
    }
    line(tail + decoder.decode());
  } finally {
    closeSync(fd);
  }
}
