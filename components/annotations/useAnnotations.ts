'use client';

import { useMemo, useSyncExternalStore } from 'react';
import type { AnnotationDto, PostmortemDto } from '@/lib/schemas/annotation';
import { fetchAnnotations, fetchPostmortem } from './annotation-api';
import { resourceCache, SharedResource } from './shared-resource';

const annotationsOf = resourceCache((incidentId) => new SharedResource<AnnotationDto[]>((signal) => fetchAnnotations(incidentId, signal)));
const postmortemOf = resourceCache((incidentId) => new SharedResource<PostmortemDto>((signal) => fetchPostmortem(incidentId, signal)));

export interface Annotations {
  /** Not deleted, oldest first. */
  annotations: AnnotationDto[];
  /** Deleted ones too (for "show deleted" and history). */
  all: AnnotationDto[];
  error: string | null;
  loading: boolean;
  /** Fetch again after a change; every view reading this incident's annotations updates. */
  refresh: () => Promise<void>;
}

/**
 * The incident's annotations, fetched once and shared by every view on the page (the timeline
 * strip, findings badges, the event panel, the entity table, the postmortem), refreshed after a change.
 */
export function useAnnotations(incidentId: string): Annotations {
  const resource = annotationsOf(incidentId);
  const snapshot = useSyncExternalStore(resource.subscribe, resource.getSnapshot, resource.getSnapshot);
  return useMemo(() => {
    const all = snapshot.data ?? [];
    return { all, annotations: all.filter((a) => a.deletedAt === null), error: snapshot.error, loading: snapshot.loading, refresh: resource.refresh };
  }, [snapshot, resource]);
}

/** The postmortem text and story, shared the same way (the findings' story toggles and the postmortem view). */
export function usePostmortem(incidentId: string) {
  const resource = postmortemOf(incidentId);
  const snapshot = useSyncExternalStore(resource.subscribe, resource.getSnapshot, resource.getSnapshot);
  return { postmortem: snapshot.data, error: snapshot.error, loading: snapshot.loading, refresh: resource.refresh, put: (p: PostmortemDto) => resource.put(p) };
}
