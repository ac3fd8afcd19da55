import type { ReactNode } from 'react';

interface StateMessageProps {
  title: string;
  children?: ReactNode;
  /** Errors are announced (role=alert); empty/loading states are polite status messages. */
  tone?: 'info' | 'error';
  action?: ReactNode;
}

/** One shape for empty, loading and error states: what happened, then what to do about it. */
export function StateMessage({ title, children, tone = 'info', action }: StateMessageProps) {
  return (
    <div className={tone === 'error' ? 'state state--error' : 'state'} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="state__title">{title}</p>
      {children ? <div className="state__body">{children}</div> : null}
      {action}
    </div>
  );
}
