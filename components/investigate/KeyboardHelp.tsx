'use client';

import { useEffect, useRef } from 'react';
import { KEY_BINDINGS } from './keymap';

/**
 * The `?` list of keys, a modal <dialog> (focus moves into it, Esc closes it natively). Read from
 * the same table the key handler uses.
 */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="key-help" aria-labelledby="key-help-title" onClose={onClose}>
      <h2 id="key-help-title">Keyboard</h2>
      <table className="key-help__table">
        <tbody>
          {KEY_BINDINGS.map((b) => (
            <tr key={b.keys}>
              <th scope="row">
                {b.keys.split(' ').map((k, i) => (
                  <span key={i}>
                    {i > 0 ? ' then ' : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{b.description}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>+</kbd> <kbd>−</kbd> <kbd>←</kbd> <kbd>→</kbd> <kbd>0</kbd>
            </th>
            <td>In the timeline: zoom, pan, whole incident</td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
