import './access.css';

/**
 * Shown on every page while no sign-in is configured: whoever can reach the server can read and
 * change everything, which is fine on a laptop during an incident and never fine unnoticed.
 */
export function OpenWorkspaceBanner() {
  return (
    <div className="open-banner">
      <strong>Open workspace:</strong>
      <span>
        anyone who can reach this server can read and change it. Set <code>WITNESS_ACCESS_PASSWORD</code> to require sign-in.
      </span>
    </div>
  );
}
