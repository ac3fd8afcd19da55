/** The share links API (lib/schemas/share.ts), from the browser. */
import { createdShareDtoSchema, shareDtoSchema, shareListDtoSchema, type CreatedShareDto, type ShareDto, type ShareScope } from '@/lib/schemas/share';
import { fetchJson } from '../api/api-client';

const enc = encodeURIComponent;
const sharesUrl = (incidentId: string) => `/api/incidents/${enc(incidentId)}/shares`;

export async function listShares(incidentId: string, signal?: AbortSignal): Promise<ShareDto[]> {
  return (await fetchJson(sharesUrl(incidentId), shareListDtoSchema, { signal })).shares;
}

export function createShare(incidentId: string, body: { scope: ShareScope; label: string; expiresInHours: number | null }): Promise<CreatedShareDto> {
  return fetchJson(sharesUrl(incidentId), createdShareDtoSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function revokeShare(incidentId: string, shareId: string): Promise<ShareDto> {
  return fetchJson(`${sharesUrl(incidentId)}/${enc(shareId)}`, shareDtoSchema, { method: 'DELETE' });
}
