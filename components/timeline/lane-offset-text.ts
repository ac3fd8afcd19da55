/**
 * What a lane's label says about its clock offset. The offset is shown on every lane, in both
 * time modes, so a shift between raw and aligned time is never silent: "+4.000 s aligned
 * (31 constraints)", "+0 ms unaligned", "-250 ms override".
 */
import { formatOffsetMs } from '@/lib/domain/timeline/lanes';
import type { LaneDto, TimeModeDto } from '@/lib/schemas/investigation';

/** "+4.000 s" from a second on (easier to read than "+4,000 ms"), "+12.5 ms" below it. */
export function formatOffset(ms: number): string {
  if (!Number.isFinite(ms)) return '? ms';
  if (Math.abs(ms) < 1000) return formatOffsetMs(ms);
  const sign = ms < 0 ? '-' : '+';
  const [int = '0', frac = '000'] = (Math.abs(ms) / 1000).toFixed(3).split('.');
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac} s`;
}

export type OffsetKind = 'aligned' | 'unaligned' | 'override';

export function offsetKind(lane: Pick<LaneDto, 'aligned' | 'overridden'>): OffsetKind {
  if (lane.overridden) return 'override';
  return lane.aligned ? 'aligned' : 'unaligned';
}

/** The offset chip: "+4.000 s aligned (31 constraints)", "+0 ms unaligned", "+2.000 s override". */
export function laneOffsetText(lane: Pick<LaneDto, 'offsetMs' | 'aligned' | 'overridden' | 'constraints'>): string {
  const offset = formatOffset(lane.offsetMs);
  const kind = offsetKind(lane);
  if (kind !== 'aligned') return `${offset} ${kind}`;
  const n = lane.constraints;
  return `${offset} aligned (${n.toLocaleString('en-US')} constraint${n === 1 ? '' : 's'})`;
}

/**
 * The lane's service when it says more than the source's name: "" when the records name none,
 * or when it is the file name itself (a HAR is one client, named after its file).
 */
export function laneService(lane: Pick<LaneDto, 'source' | 'service'>): string {
  return lane.service === lane.source ? '' : lane.service;
}

/** The lane's name: "source/service", or the source alone when the service adds nothing. */
export function laneName(lane: Pick<LaneDto, 'source' | 'service'>): string {
  const service = laneService(lane);
  return service === '' ? lane.source : `${lane.source}/${service}`;
}

/**
 * A sentence for the label's tooltip and screen readers: what the offset means and whether the
 * current mode applies it. offsetMs is subtracted from raw times to get aligned ones (spec 4).
 */
export function laneOffsetExplanation(lane: Pick<LaneDto, 'offsetMs' | 'aligned' | 'overridden' | 'constraints'>, time: TimeModeDto): string {
  const kind = offsetKind(lane);
  const offset = formatOffset(lane.offsetMs);
  const why =
    kind === 'override'
      ? `Offset ${offset} set by hand (profile offsets).`
      : kind === 'unaligned'
        ? 'No shared request ties this clock to the others: its times are not corrected.'
        : `This clock reads ${offset} against the reference, estimated from ${lane.constraints.toLocaleString('en-US')} shared requests.`;
  const mode =
    time === 'aligned'
      ? lane.offsetMs === 0
        ? 'Aligned time: no shift.'
        : `Aligned time: its events are drawn ${formatOffset(-lane.offsetMs)} from where the source wrote them.`
      : 'Raw time: drawn as the source wrote them.';
  return `${why} ${mode}`;
}
