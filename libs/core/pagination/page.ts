import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readEntities } from '../database/plain-read.js';
import { DomainException } from '../errors/domain.exception.js';
import { isStorableText } from '../http/json-body.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** A cursor holds the sort keys of a row: a title of 300 letters, each two bytes of UTF-8, fits. */
export const MAX_CURSOR_LENGTH = 2_000;
/** The longest text key a cursor may hold (a title or name; every text the lists sort by is shorter). */
const MAX_CURSOR_KEY_LENGTH = 1_000;

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
  @MaxLength(MAX_CURSOR_LENGTH)
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
      decoded.slice(1).every((key) => (typeof key === 'string' && isStorableText(key) && key.length <= MAX_CURSOR_KEY_LENGTH) || Number.isSafeInteger(key))
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

/**
 * One sort key of a keyset list: the SQL expression it orders by, and how to read its value off a row.
 * The value goes into the cursor and comes back as a parameter compared with the expression, so it must
 * be exactly what the database holds: timestamps of millisecond precision (`timestamptz(3)`, what a
 * JavaScript date keeps), and a nullable column ordered by an expression that gives its missing value
 * one (`coalesce(submitted_at, '-infinity')`), indexed as such.
 */
export interface SortKey<T> {
  column: string;
  key: (row: T) => string | number;
}

export type SortDirection = 'ASC' | 'DESC';

/**
 * The orders a list offers, by the name a client gives in `sort` (`submittedAt`; `-submittedAt` for
 * descending), each with its keys for the ascending order, the last unique (ties broken by it, usually
 * the id). `default` is the order without `sort`, as the list always had it.
 */
export interface ListOrders<T, Field extends string = string> {
  default: SortName<Field>;
  keys: Record<Field, SortKey<T>[]>;
}

export type SortName<Field extends string = string> = Field | `-${Field}`;

/** A `sort` value as field and direction: a leading `-` is descending. */
export function parseSort(sort: string): { field: string; direction: SortDirection } {
  return sort.startsWith('-') ? { field: sort.slice(1), direction: 'DESC' } : { field: sort, direction: 'ASC' };
}

/** Every `sort` value a list takes: each field, ascending and descending. */
export function sortValues(fields: readonly string[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

/**
 * The `sort` parameter of a list: one of its fields, `-` in front for descending; the allowed values
 * are the OpenAPI enum, and anything else is a 400 with a field error for `sort`.
 */
export function SortParam(fields: readonly string[], defaultSort: string, nulls?: string): PropertyDecorator {
  const values = sortValues(fields);
  return applyDecorators(
    ApiPropertyOptional({
      enum: values,
      default: defaultSort,
      description:
        `The order: a field, ascending, or \`-\` and the field, descending; ties in the order of the id. Without it, \`${defaultSort}\`. ` +
        `A \`nextCursor\` belongs to its order: give the same \`sort\` with it.${nulls ? ` ${nulls}` : ''}`,
    }),
    IsOptional(),
    IsIn(values, { message: `skal være en af ${values.join(', ')}` }),
  );
}

export class InvalidSortException extends DomainException {
  constructor(allowed: readonly string[]) {
    super('validation-failed', 'Listen kan ikke sorteres sådan.', {
      errors: [{ field: 'sort', message: `skal være en af ${allowed.join(', ')}` }],
    });
  }
}

/** A list's order resolved from `sort`: its keys and direction, and the name its cursors carry. */
export interface ResolvedOrder<T> {
  /** The cursor's list name: the list's own for the default order (cursors from before `sort` stay good), else with the order. */
  cursorList: string;
  direction: SortDirection;
  keys: SortKey<T>[];
  isDefault: boolean;
}

/**
 * The order `sort` asks for, or the default without it. The cursor names the order, so a cursor from
 * one order is refused under another (it would skip or repeat rows).
 */
export function resolveOrder<T>(list: string, orders: ListOrders<T>, sort: string | undefined): ResolvedOrder<T> {
  const name = sort ?? orders.default;
  const { field, direction } = parseSort(name);
  const keys = Object.hasOwn(orders.keys, field) ? (orders.keys as Record<string, SortKey<T>[]>)[field] : undefined;
  if (!keys) throw new InvalidSortException(sortValues(Object.keys(orders.keys)));
  const isDefault = name === orders.default;
  return { cursorList: isDefault ? list : `${list}:${name}`, direction, keys, isDefault };
}

/** The keyset condition after a cursor: a row-value comparison `(a, b) > (:cursor0, :cursor1)`, which an index on the same columns serves. */
export function keysetCondition(columns: readonly string[], direction: SortDirection): string {
  return `(${columns.join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${columns.map((_, index) => `:cursor${index}`).join(', ')})`;
}

/**
 * Runs a list query one keyset page at a time: orders by the keys (all in one direction, ties broken
 * by the last key, which must be unique), fetches `limit + 1` rows and, after a cursor, continues with
 * a row-value comparison `(a, b) > (:a, :b)` that an index on the same columns serves directly.
 *
 * Either in a fixed order (`direction` and `keys`), or in the order the query's `sort` picks from the
 * list's `orders` (its default without one).
 */
export function keysetPage<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  list: string,
  query: PageQuery & { sort?: string },
  orders: ListOrders<T>,
): Promise<Page<T>>;
export function keysetPage<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  list: string,
  query: PageQuery,
  direction: SortDirection,
  keys: SortKey<T>[],
): Promise<Page<T>>;
export async function keysetPage<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  list: string,
  query: PageQuery & { sort?: string },
  ordersOrDirection: ListOrders<T> | SortDirection,
  fixedKeys: SortKey<T>[] = [],
): Promise<Page<T>> {
  const { cursorList, direction, keys } =
    typeof ordersOrDirection === 'string'
      ? { cursorList: list, direction: ordersOrDirection, keys: fixedKeys }
      : resolveOrder(list, ordersOrDirection, query.sort);
  keys.forEach((sort, index) => (index === 0 ? builder.orderBy(sort.column, direction) : builder.addOrderBy(sort.column, direction)));
  builder.limit(query.limit + 1);
  if (query.cursor) {
    const values = decodeCursor(cursorList, query.cursor, keys.length);
    const parameters = Object.fromEntries(values.map((value, index) => [`cursor${index}`, String(value)]));
    builder.andWhere(
      keysetCondition(
        keys.map((sort) => sort.column),
        direction,
      ),
      parameters,
    );
  }
  return toPage(
    cursorList,
    await readEntities(builder),
    query.limit,
    (row) => keys.map((sort) => sort.key(row)),
    (row) => row,
  );
}

/** How many rows a list's query finds, counted in the database on the list's own conditions (the worklist's counts). */
export async function countOf<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): Promise<number> {
  const row = await builder.select('count(*)::int', 'count').getRawOne<{ count: number }>();
  return row?.count ?? 0;
}
