import type { EntityManager } from 'typeorm';
import { findVisible } from '../core/access/kommune-scope.js';
import type { Actor } from '../core/context/request-context.js';
import { Application } from './application.entity.js';

/**
 * The application if the actor may see it, optionally locked for the rest of the transaction. For a
 * project lead of another kommune it does not exist (404).
 */
export function findVisibleApplication(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<Application> {
  return findVisible(manager, Application, 'application', id, actor, { lock, label: 'Ansøgningen' });
}
