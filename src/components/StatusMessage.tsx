import type { ReactNode } from 'react';

/** Loading, empty and error states, announced to screen readers. */
export function StatusMessage({ kind, children, action }: { kind: 'loading' | 'empty' | 'error'; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`status status--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div>{children}</div>
      {action}
    </div>
  );
}
