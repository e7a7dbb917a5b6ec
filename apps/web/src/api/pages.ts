/** The most pages of a list a screen reads: a kommune's own cases fit on far fewer. */
const MAX_PAGES = 10;

/**
 * Every item of a cursor-paged list (`{ items, nextCursor }`), page after page: for the kommune's own
 * lists, which are short. `page` asks for one page from a cursor.
 */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const answer = await page(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}
