import type { AuditRecord } from './audit.service.js';

export type { AuditRecord } from './audit.service.js';

/**
 * What the audit context offers code outside a context's own transaction (the queue dashboard): an
 * event recorded on its own, in a transaction of its own. Provided by AuditModule.
 */
export interface AuditTrail {
  recordAlone(record: AuditRecord): Promise<unknown>;
}

export const AUDIT_TRAIL = Symbol('AuditTrail');
