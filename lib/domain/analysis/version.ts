/**
 * The version of what the analysis means. Cached reports (lib/server/analysis) are keyed by it
 * with their inputs: bump it whenever a change to lib/domain (parsing aside: stored events are
 * re-read as they are) can change a report computed from the same events and profile, so no
 * instance serves a report the current code would not write.
 */
export const ANALYSIS_VERSION = 1;
