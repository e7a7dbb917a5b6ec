import type { EntityManager } from 'typeorm';
import { findVisible } from '../core/access/kommune-scope.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import type { Actor } from '../core/context/request-context.js';
import { Application } from './application.entity.js';

/**
 * The application if the actor may see it, optionally locked for the rest of the transaction. For a
 * project lead of another kommune it does not exist (404).
 */
export async function findVisibleApplication(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<Application> {
  const application = await findVisible(manager, Application, 'application', id, actor, { lock, label: 'Ansøgningen' });
  // A draft is the kommune's own work: the ministry sees an application from its submission on.
  if (application.status === 'draft' && actor.role !== 'project_lead') throw new NotFoundDomainException('Ansøgningen', id);
  return application;
}
