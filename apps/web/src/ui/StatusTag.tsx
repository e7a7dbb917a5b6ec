import { statusLabel, statusTone } from '../text/da';

/** A status as a Danish word on a dkfds badge: `Under vurdering`. */
export function StatusTag({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${statusTone(status)}`}>{label ?? statusLabel(status)}</span>;
}
