import fc from 'fast-check';
import { isStorableText } from '../http/json-body.js';
import {
  decodeCursor,
  encodeCursor,
  InvalidCursorException,
  InvalidSortException,
  keysetCondition,
  type ListOrders,
  parseSort,
  resolveOrder,
  sortValues,
} from './page.js';

type Row = { id: string; at: string; title: string };

const ORDERS: ListOrders<Row, 'createdAt' | 'title'> = {
  default: '-createdAt',
  keys: {
    createdAt: [
      { column: 'row.created_at', key: (row) => row.at },
      { column: 'row.id', key: (row) => row.id },
    ],
    title: [
      { column: 'row.title', key: (row) => row.title },
      { column: 'row.id', key: (row) => row.id },
    ],
  },
};

const field = fc.stringMatching(/^[a-z][A-Za-z]{0,20}$/);
const key = fc.oneof(fc.string({ maxLength: 50 }), fc.integer({ min: -1_000_000, max: 1_000_000 }));

describe('sort values', () => {
  it('are each field ascending and descending, and parse back to the field and direction', () => {
    fc.assert(
      fc.property(fc.uniqueArray(field, { minLength: 1, maxLength: 6 }), (fields) => {
        const values = sortValues(fields);
        expect(values).toHaveLength(fields.length * 2);
        expect(new Set(values).size).toBe(values.length);
        for (const name of fields) {
          expect(parseSort(name)).toEqual({ field: name, direction: 'ASC' });
          expect(parseSort(`-${name}`)).toEqual({ field: name, direction: 'DESC' });
        }
      }),
    );
  });
});

describe('resolveOrder', () => {
  it('gives the default order under the list’s own cursor name, with or without `sort` naming it', () => {
    for (const sort of [undefined, '-createdAt']) {
      expect(resolveOrder('things', ORDERS, sort)).toMatchObject({ cursorList: 'things', direction: 'DESC', isDefault: true, keys: ORDERS.keys.createdAt });
    }
  });

  it('names every other order in its cursors, the direction included', () => {
    expect(resolveOrder('things', ORDERS, 'createdAt')).toMatchObject({ cursorList: 'things:createdAt', direction: 'ASC', isDefault: false });
    expect(resolveOrder('things', ORDERS, '-title')).toMatchObject({ cursorList: 'things:-title', direction: 'DESC', keys: ORDERS.keys.title });
  });

  it('refuses any other value, inherited names too, with a field error for sort listing what is allowed', () => {
    fc.assert(
      fc.property(fc.string(), (sort) => {
        fc.pre(!sortValues(Object.keys(ORDERS.keys)).includes(sort));
        expect(() => resolveOrder('things', ORDERS, sort)).toThrow(InvalidSortException);
      }),
    );
    for (const sort of ['constructor', 'toString', '-__proto__', '--title', ''])
      expect(() => resolveOrder('things', ORDERS, sort)).toThrow(InvalidSortException);
    let refusal: unknown;
    try {
      resolveOrder('things', ORDERS, 'colour');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidSortException);
    expect(refusal).toMatchObject({
      code: 'validation-failed',
      status: 400,
      extensions: { errors: [{ field: 'sort', message: 'skal være en af createdAt, -createdAt, title, -title' }] },
    });
  });

  it('gives every order its own cursor name: a cursor of one is refused by every other', () => {
    const names = [undefined, ...sortValues(Object.keys(ORDERS.keys))];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...names), fc.array(key, { minLength: 2, maxLength: 2 }), (from, to, keys) => {
        const written = resolveOrder('things', ORDERS, from);
        const read = resolveOrder('things', ORDERS, to);
        const cursor = encodeCursor(written.cursorList, keys);
        const same = (from ?? ORDERS.default) === (to ?? ORDERS.default);
        if (same) expect(decodeCursor(read.cursorList, cursor, 2)).toEqual(keys);
        else expect(() => decodeCursor(read.cursorList, cursor, 2)).toThrow(InvalidCursorException);
      }),
    );
  });
});

describe('cursors', () => {
  it('give back the keys they were made of, in their own list only, of their own length only', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.array(key, { minLength: 1, maxLength: 4 }), (list, keys) => {
        fc.pre(keys.every((one) => typeof one === 'number' || isStorableText(one)));
        const cursor = encodeCursor(list, keys);
        expect(decodeCursor(list, cursor, keys.length)).toEqual(keys);
        expect(() => decodeCursor(`${list}:x`, cursor, keys.length)).toThrow(InvalidCursorException);
        expect(() => decodeCursor(list, cursor, keys.length + 1)).toThrow(InvalidCursorException);
      }),
    );
  });

  it('carry a title of 300 Danish letters within the length a query may give', () => {
    const cursor = encodeCursor('applications:title', ['æøå'.repeat(100), '0190c7a2-0000-7000-8000-000000000000']);
    expect(cursor.length).toBeLessThanOrEqual(2_000);
    expect(decodeCursor('applications:title', cursor, 2)[0]).toBe('æøå'.repeat(100));
  });

  it('refuse anything that is not one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          const keys = decodeCursor('things', text, 2);
          // Only a real cursor of this list decodes.
          expect(encodeCursor('things', keys)).toBeDefined();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidCursorException);
        }
      }),
    );
  });
});

describe('keysetCondition', () => {
  it('compares the row of keys after the cursor’s, one parameter per key, the way the direction runs', () => {
    expect(keysetCondition(['a.x', 'a.id'], 'ASC')).toBe('(a.x, a.id) > (:cursor0, :cursor1)');
    expect(keysetCondition(['a.x', 'a.id'], 'DESC')).toBe('(a.x, a.id) < (:cursor0, :cursor1)');
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 5 }), fc.constantFrom('ASC' as const, 'DESC' as const), (columns, direction) => {
        const condition = keysetCondition(columns, direction);
        expect(condition.match(/:cursor\d+/g)).toEqual(columns.map((_, index) => `:cursor${index}`));
      }),
    );
  });
});
