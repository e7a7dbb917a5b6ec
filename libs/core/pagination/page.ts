import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readEntities } from '../database/plain-read.js';
import { DomainException } from '../errors/domain.exception.js';
import { isStorableText } from '../http/json-body.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` and `cursor`, taken by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** Every list answers `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class InvalidCursorException extends DomainException {
  constructor() {
    super('invalid-cursor', 'Markøren gælder ikke for denne liste; begynd forfra uden en markør.', {
      errors: [{ field: 'cursor', message: 'er ikke en gyldig markør' }],
    });
  }
}

/**
 * Keyset cursors: the sort-key values of the last row of a page, opaque to clients (base64url JSON).
 * A cursor names the list it belongs to, so one list's cursor is refused by another.
 */
export function encodeCursor(list: string, keys: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify([list, ...keys])).toString('base64url');
}

export function decodeCursor(list: string, cursor: string, arity: number): Array<string | number> {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === arity + 1 &&
      decoded[0] === list &&
      // A key goes into the next page's query: text Postgres could not hold would be a 500 there.
      decoded.slice(1).every((key) => (typeof key === 'string' && isStorableText(key) && key.length <= 200) || Number.isSafeInteger(key))
    ) {
      return decoded.slice(1) as Array<string | number>;
    }
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorException();
}

/**
 * Builds a page from `limit + 1` rows fetched in the list's order: the extra row only says that
 * there is a next page.
 */
export function toPage<Row, Item>(
  list: string,
  rows: Row[],
  limit: number,
  sortKeys: (row: Row) => ReadonlyArray<string | number>,
  toItem: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, sortKeys(last)) : null,
  };
}

/** One sort key of a keyset list: the column, its direction, and how to read the key off a row. */
export interface SortKey<T> {
  column: string;
  key: (row: T) => string | number;
}

/**
 * Runs a list query one keyset page at a time: orders by the keys (all in one direction, ties broken
 * by the last key, which must be unique), fetches `limit + 1` rows and, after a cursor, continues with
 * a row-value comparison `(a, b) > (:a, :b)` that an index on the same columns serves directly.
 */
export async function keysetPage<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  list: string,
  query: PageQuery,
  direction: 'ASC' | 'DESC',
  keys: SortKey<T>[],
): Promise<Page<T>> {
  keys.forEach((sort, index) => (index === 0 ? builder.orderBy(sort.column, direction) : builder.addOrderBy(sort.column, direction)));
  builder.limit(query.limit + 1);
  if (query.cursor) {
    const values = decodeCursor(list, query.cursor, keys.length);
    const parameters = Object.fromEntries(values.map((value, index) => [`cursor${index}`, String(value)]));
    builder.andWhere(
      `(${keys.map((sort) => sort.column).join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${values.map((_, index) => `:cursor${index}`).join(', ')})`,
      parameters,
    );
  }
  return toPage(
    list,
    await readEntities(builder),
    query.limit,
    (row) => keys.map((sort) => sort.key(row)),
    (row) => row,
  );
}
