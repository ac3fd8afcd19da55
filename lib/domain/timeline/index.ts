export {
  MIN_SPAN_MS,
  brushWindow,
  clampWindow,
  fromViewBounds,
  paddedExtent,
  panWindowFraction,
  panWindowMs,
  toViewBounds,
  windowSpan,
  zoomWindow,
  type TimeWindow,
} from './view-window';
export { buildLanes, formatOffsetMs, packLaneRows, type Lane, type Lanes, type RowPacking } from './lanes';
export {
  LEVEL_CODES,
  LEVEL_COUNT,
  buildEventColumns,
  columnsExtent,
  countVisible,
  eventsExtent,
  isVisible,
  levelCode,
  lowerBound,
  upperBound,
  visibleRange,
  type EventColumns,
  type TimeMode,
} from './columnar-events';
export { BIN_THRESHOLD, binEvents, binIndex, shouldBin, type LaneBins } from './binning';
export { TICK_SPACING_PX, formatInstant, timeScale, timeTicks, type TimeTick } from './scale';
