'use client';

import { usePanelParam } from './usePanelParam';

/** Opens and closes the profile panel (`?panel=profile`). Reads the URL itself, so only it re-renders when the URL changes. */
export function ProfileToggleButton() {
  const [panel, setPanel] = usePanelParam();
  const open = panel === 'profile';
  return (
    <button
      type="button"
      className="button button--small analysis__profile"
      aria-expanded={open}
      aria-controls={open ? 'profile-panel' : undefined}
      onClick={() => setPanel(open ? null : 'profile')}
    >
      {open ? 'Close profile' : 'Analysis profile'}
    </button>
  );
}
