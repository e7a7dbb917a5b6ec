import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readEntity } from '../database/plain-read.js';
import type { Actor } from '../context/request-context.js';
import { NotFoundDomainException } from '../errors/domain.exception.js';

/**
 * Ownership lives in the query: a project lead only ever loads cases where their kommune is the lead
 * or a co-applicant (`participant_codes`), so another kommune's case is "not found", never loaded and
 * then refused. Ministry staff see every case.
 */
export function restrictToKommune<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, actor: Actor): SelectQueryBuilder<T> {
  if (actor.role !== 'project_lead') return builder;
  return builder.andWhere(`:actorKommune = ANY(${alias}.participant_codes)`, { actorKommune: actor.municipalityCode ?? '' });
}

/**
 * One row the actor may see, by id, optionally locked for the rest of the transaction; otherwise a 404
 * (which, for a project lead, is also the answer for another kommune's row).
 */
export async function findVisible<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
  id: string,
  actor: Actor,
  { lock = false, label }: { lock?: boolean; label: string },
): Promise<T> {
  const builder = manager.createQueryBuilder(entity, alias).where(`${alias}.id = :id`, { id });
  restrictToKommune(builder, alias, actor);
  if (lock) builder.setLock('pessimistic_write');
  const row = await readEntity(builder);
  if (!row) throw new NotFoundDomainException(label, id);
  return row;
}
