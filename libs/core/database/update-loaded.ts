import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/**
 * Writes some columns of a row the transaction has loaded (and locked) in one `UPDATE … RETURNING`,
 * and takes back what the database set: the version (`@VersionColumn`, raised by one) and the update
 * time (`@UpdateDateColumn`). `manager.save` would first read the row again to find what changed:
 * one more round trip inside a transaction that holds locks, on every audited write.
 */
export async function updateLoaded<T extends ObjectLiteral & { id: string; version: number; updatedAt: Date }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
  changes: Partial<T>,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(changes as QueryDeepPartialEntity<T>)
    .where('id = :id', { id: entity.id })
    .returning(['version', 'updated_at'])
    .execute();
  const [row] = result.raw as Array<{ version: number; updated_at: Date }>;
  if (!row) throw new Error(`updateLoaded: no row ${entity.id} to update`);
  return Object.assign(entity, changes, { version: row.version, updatedAt: row.updated_at });
}
