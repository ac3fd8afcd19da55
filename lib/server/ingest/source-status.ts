/**
 * Source lifecycle: uploading -> parsing -> ready, or -> failed from either.
 * Only `ready` sources' events are visible to queries, so a source's events appear together.
 */
import type { SourceStatus } from '@/lib/schemas/source';

export const IN_FLIGHT_STATUSES: SourceStatus[] = ['uploading', 'parsing'];

export const INTERRUPTED_ERROR = 'interrupted: the server stopped while this source was being ingested; upload it again';
