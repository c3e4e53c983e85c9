import type { ReactNode } from 'react';

interface AlertSlotProps {
  children?: ReactNode;
  /** 'alert' for problems (assertive), 'status' for confirmations (polite). */
  role?: 'alert' | 'status';
}

/**
 * A live region rendered from the start, empty until there is news: screen
 * readers announce what appears in a region they already know, more reliably
 * than a region that appears with its content.
 */
export function AlertSlot({ children, role = 'alert' }: AlertSlotProps) {
  return (
    <div role={role} aria-atomic="true" className="alert-slot">
      {children}
    </div>
  );
}
