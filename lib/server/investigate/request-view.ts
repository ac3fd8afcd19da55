/** `GET /requests/{key}` on the server: the request group of any of its identifiers, or 404. */
import { findRequestGroup } from '@/lib/domain/investigate/request-group';
import { buildRequestView } from '@/lib/domain/investigate/request-view';
import type { RequestViewDto } from '@/lib/schemas/investigation';
import { NotFoundError } from '../errors';
import { type AnalysisOptions, getIncidentAnalysis } from '../analysis/incident-analysis';

export async function getRequestView(incidentId: string, key: string, options: AnalysisOptions): Promise<RequestViewDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  const group = findRequestGroup(analyzed.analysis.groups, key);
  if (group < 0) throw new NotFoundError('request', key);
  return buildRequestView(analyzed, group);
}
