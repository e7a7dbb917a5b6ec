import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PreparedRead, readEntity } from '../database/plain-read.js';
import type { Actor } from '../context/request-context.js';
import { NotFoundDomainException } from '../errors/domain.exception.js';

/**
 * Ownership lives in the query: a project lead only ever loads cases where their kommune is the lead
 * or a co-applicant (`participant_codes`), so another kommune's case is "not found", never loaded and
 * then refused. Ministry staff see every case.
 */
export function restrictToKommune<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, actor: Actor): SelectQueryBuilder<T> {
  if (actor.role !== 'project_lead') return builder;
  return builder.andWhere(kommuneCondition(alias), { actorKommune: actor.municipalityCode ?? '' });
}

const kommuneCondition = (alias: string) => `:actorKommune = ANY(${alias}.participant_codes)`;

/** A row by `:id`, and for a project lead only where `:actorKommune` takes part. */
function visibleQuery<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, alias: string, scoped: boolean): SelectQueryBuilder<T> {
  const builder = manager.createQueryBuilder(entity, alias).where(`${alias}.id = :id`);
  return scoped ? builder.andWhere(kommuneCondition(alias)) : builder;
}

/** The unlocked reads by id, per entity, alias and whether the actor is scoped to a kommune. */
const visibleReads = new Map<EntityTarget<ObjectLiteral>, Map<string, PreparedRead<ObjectLiteral>>>();

function visibleRead<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string, scoped: boolean): PreparedRead<T> {
  let byShape = visibleReads.get(entity);
  if (!byShape) visibleReads.set(entity, (byShape = new Map()));
  const key = `${alias}:${scoped}`;
  let read = byShape.get(key);
  if (!read) {
    read = new PreparedRead(scoped ? ['id', 'actorKommune'] : ['id'], (manager) => visibleQuery(manager, entity, alias, scoped));
    byShape.set(key, read);
  }
  return read as unknown as PreparedRead<T>;
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
  const scoped = actor.role === 'project_lead';
  const values = { id, actorKommune: actor.municipalityCode ?? '' };
  // A locked read is rare (a write's first step) and stays on TypeORM's path, which refuses a lock
  // outside a transaction. FOR NO KEY UPDATE, not FOR UPDATE: no write changes a key, and FOR UPDATE
  // also blocks the foreign-key checks of rows that point at this one (a reminder or a report
  // submission inserted by another case's write), which deadlocked a report review with an extension
  // decision on the same award under load.
  const row = lock
    ? await readEntity(visibleQuery(manager, entity, alias, scoped).setParameters(values).setLock('for_no_key_update'))
    : await visibleRead(entity, alias, scoped).one(manager, values);
  if (!row) throw new NotFoundDomainException(label, id);
  return row;
}
