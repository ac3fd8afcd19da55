'use client';

import { useState } from 'react';
import type { InvestigationDto } from '@/lib/schemas/investigation';
import { StateMessage } from '../ui/StateMessage';
import type { Navigate } from './useInvestigationUrl';

/** Rows listed before "show more": the entities that matter come first (most divergences). */
const PAGE = 200;

/**
 * The entity tab with no entity chosen: every entity the witnesses observed, the ones with
 * divergences first, each opening its witness table.
 */
export function EntityPicker({ investigation, navigate }: { investigation: InvestigationDto; navigate: Navigate }) {
  const [limit, setLimit] = useState(PAGE);
  const { entities } = investigation;
  if (entities.length === 0) {
    return (
      <StateMessage title="No entities observed">
        No record names an entity’s state yet: the analysis profile maps fields to entities (open the profile).
      </StateMessage>
    );
  }
  return (
    <div className="entity-picker">
      <table className="data-table" aria-label="Entities">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col">Fields</th>
            <th scope="col" className="num">
              Observations
            </th>
            <th scope="col" className="num">
              Divergences
            </th>
          </tr>
        </thead>
        <tbody>
          {entities.slice(0, limit).map((e) => (
            <tr key={e.entity}>
              <td>
                <button type="button" className="button button--link mono" onClick={() => navigate({ view: 'entity', entity: e.entity, field: null, event: null })}>
                  {e.entity}
                </button>
              </td>
              <td className="mono">{e.fields.join(', ')}</td>
              <td className="num">{e.observations}</td>
              <td className={e.divergences > 0 ? 'num error-text' : 'num'}>{e.divergences}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entities.length > limit ? (
        <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show more ({entities.length - limit} left)
        </button>
      ) : null}
    </div>
  );
}
