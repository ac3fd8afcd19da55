/**
 * The annotation and postmortem routes from the browser (lib/schemas/annotation.ts is the
 * contract): every answer is parsed with its schema, every failure is an ApiError with the
 * server's message.
 */
import {
  annotationDtoSchema,
  annotationListDtoSchema,
  annotationRevisionListDtoSchema,
  postmortemDtoSchema,
  type AnnotationDto,
  type AnnotationKind,
  type AnnotationRevisionDto,
  type AnnotationTarget,
  type PostmortemDto,
} from '@/lib/schemas/annotation';
import { fetchJson } from '../api/api-client';

const enc = encodeURIComponent;
const base = (incidentId: string) => `/api/incidents/${enc(incidentId)}`;

export const annotationUrls = {
  /** Deleted ones included: the views filter, and "show deleted" needs no second request. */
  list: (incidentId: string) => `${base(incidentId)}/annotations?deleted=1`,
  one: (incidentId: string, id: string) => `${base(incidentId)}/annotations/${enc(id)}`,
  postmortem: (incidentId: string) => `${base(incidentId)}/postmortem`,
  narrative: (incidentId: string) => `${base(incidentId)}/postmortem/narrative`,
  story: (incidentId: string, kind: string, eventId: number) => `${base(incidentId)}/story/${enc(kind)}/${eventId}`,
  /** The exports (lib/server/postmortem, lib/server/bundle): links only. */
  markdown: (incidentId: string) => `${base(incidentId)}/postmortem.md`,
  bundle: (incidentId: string) => `${base(incidentId)}/bundle`,
};

const JSON_HEADERS = { 'content-type': 'application/json' };
const authorQuery = (author: string | undefined) => (author ? `?author=${enc(author)}` : '');

export function fetchAnnotations(incidentId: string, signal?: AbortSignal): Promise<AnnotationDto[]> {
  return fetchJson(annotationUrls.list(incidentId), annotationListDtoSchema, { signal }).then((l) => l.annotations);
}

export function createAnnotation(incidentId: string, input: { kind: AnnotationKind; target: AnnotationTarget; body: string; author?: string }): Promise<AnnotationDto> {
  return fetchJson(`${base(incidentId)}/annotations`, annotationDtoSchema, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(input) });
}

export function updateAnnotation(incidentId: string, id: string, edit: { kind?: AnnotationKind; body?: string; author?: string }): Promise<AnnotationDto> {
  return fetchJson(annotationUrls.one(incidentId, id), annotationDtoSchema, { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify(edit) });
}

export function deleteAnnotation(incidentId: string, id: string, author?: string): Promise<AnnotationDto> {
  return fetchJson(`${annotationUrls.one(incidentId, id)}${authorQuery(author)}`, annotationDtoSchema, { method: 'DELETE' });
}

export function restoreAnnotation(incidentId: string, id: string, author?: string): Promise<AnnotationDto> {
  return fetchJson(`${annotationUrls.one(incidentId, id)}/restore${authorQuery(author)}`, annotationDtoSchema, { method: 'POST' });
}

export function fetchRevisions(incidentId: string, id: string): Promise<AnnotationRevisionDto[]> {
  return fetchJson(`${annotationUrls.one(incidentId, id)}/revisions`, annotationRevisionListDtoSchema).then((r) => r.revisions);
}

export function fetchPostmortem(incidentId: string, signal?: AbortSignal): Promise<PostmortemDto> {
  return fetchJson(annotationUrls.postmortem(incidentId), postmortemDtoSchema, { signal });
}

export function savePostmortem(incidentId: string, text: { title: string; summary: string; impact: string; author?: string }): Promise<PostmortemDto> {
  return fetchJson(annotationUrls.postmortem(incidentId), postmortemDtoSchema, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(text) });
}

export function setStory(incidentId: string, kind: string, eventId: number, inStory: boolean, author?: string): Promise<PostmortemDto> {
  return fetchJson(`${annotationUrls.story(incidentId, kind, eventId)}${authorQuery(author)}`, postmortemDtoSchema, { method: inStory ? 'PUT' : 'DELETE' });
}

