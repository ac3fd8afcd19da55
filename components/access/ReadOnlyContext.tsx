'use client';

import { createContext, useContext, type ReactNode } from 'react';

/**
 * Whether the incident is shown read-only: a share link (`/share/{token}`) renders the same
 * views as the workspace, and every control that would change something (upload, clock
 * Adjust, the profile editor, annotation editing, share management) asks this and hides
 * itself. The server refuses those mutations anyway (lib/server/access); hiding them keeps
 * the shared view from offering what would only fail. Default false: the workspace page
 * needs no provider.
 */
const ReadOnlyContext = createContext(false);

export function ReadOnlyProvider({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>;
}

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
