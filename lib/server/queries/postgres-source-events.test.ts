import { describe, expect, it } from 'vitest';
import { EVENT_JSON_COLUMNS } from './postgres-source-events';
import { SOURCE_EVENT_COLUMNS } from './source-event-columns';

describe('postgresSourceEvents', () => {
  it('has the server write an event array column for column as pushStoredEvent reads it', () => {
    expect(EVENT_JSON_COLUMNS).toEqual([...SOURCE_EVENT_COLUMNS]);
  });
});
