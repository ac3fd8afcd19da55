'use client';

import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

/** Opens the incident's share dialog (create, copy once, list, revoke read-only links). */
export function ShareButton({ incidentId }: { incidentId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small share-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Share
      </button>
      {open ? <ShareDialog incidentId={incidentId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
