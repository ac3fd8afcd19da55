/**
 * The report as an HTTP response: the JSON document itself (byte for byte what the command line
 * prints, minus its pretty-printing), with where it came from and how long it took in headers,
 * so the body stays the spec's document:
 *
 *   X-Witness-Analysis: cache | computed | shared
 *   X-Witness-Analysis-Ms: this request's time; X-Witness-Analysis-Compute-Ms: the analysis's
 *   Server-Timing: analysis;desc="cache";dur=3.1, compute;dur=2140.5 (browser dev tools show it)
 */
import type { IncidentReport } from '../analysis/incident-report';

const ms = (value: number) => value.toFixed(1);

export function reportResponse(report: IncidentReport): Response {
  return new Response(report.json, {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-witness-analysis': report.origin,
      'x-witness-analysis-ms': ms(report.ms),
      'x-witness-analysis-compute-ms': ms(report.computeMs),
      'server-timing': `analysis;desc="${report.origin}";dur=${ms(report.ms)}, compute;dur=${ms(report.computeMs)}`,
    },
  });
}
