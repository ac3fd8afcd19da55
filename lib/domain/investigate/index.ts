/**
 * The investigation views (issue 4) as pure builders over one analysis: the DTOs of
 * lib/schemas/investigation.ts, with events named by database id. The server
 * (lib/server/investigate) finds the analysis and the database rows; these shape them.
 */
export { alignedTsOf, type Investigated } from './investigated';
export { buildInvestigationSummary } from './investigation-summary';
export { buildTimelineSlice, eventLabel, LABEL_MAX_CHARS } from './timeline-slice';
export { columnPositions, stepFromEvent, stepFromTime, type StepDirection } from './timeline-step';
export { findRequestGroup } from './request-group';
export { buildRequestView } from './request-view';
export { buildEntityView } from './entity-view';
export { placeEvent, type EventPlacement } from './event-placement';
