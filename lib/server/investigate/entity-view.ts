/** `GET /entities/{entity}` on the server: the witness table of one entity, or 404. */
import { buildEntityView } from '@/lib/domain/investigate/entity-view';
import type { EntityViewDto } from '@/lib/schemas/investigation';
import { NotFoundError } from '../errors';
import { type AnalysisOptions, getIncidentAnalysis } from '../analysis/incident-analysis';

export async function getEntityView(incidentId: string, entity: string, options: AnalysisOptions): Promise<EntityViewDto> {
  const analyzed = await getIncidentAnalysis(incidentId, options);
  const view = buildEntityView(analyzed, entity);
  if (view === null) throw new NotFoundError('entity', entity);
  return view;
}
