import type { ReactNode } from 'react';
import { Icon } from './Icon';

const ICON_LABELS = { error: 'Fejl', warning: 'Advarsel', success: 'Succes', info: 'Information' } as const;

interface AlertProps {
  tone: 'error' | 'warning' | 'success' | 'info';
  heading?: string;
  /** `alert` for what must be heard at once (errors); `status` for news that may wait; none for what was there all along. */
  role?: 'alert' | 'status';
  children?: ReactNode;
  testId?: string;
}

/** dkfds' alert: `alert alert-error` and its siblings, with the icon and an optional heading. */
export function Alert({ tone, heading, role, children, testId }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={role} data-testid={testId}>
      <Icon name={tone} label={ICON_LABELS[tone]} className="alert-icon" />
      <div className="alert-body">
        {heading && <p className="alert-heading">{heading}</p>}
        {children && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}
