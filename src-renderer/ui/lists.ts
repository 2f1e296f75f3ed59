/**
 * Orders for display taken from the main process's lists (`src-main/modules/<m>/kinds.ts`),
 * never restated: a screen that wants its usual choice first moves it there, the others
 * following in the list's own order.
 */
export function withFirst<T extends string>(list: readonly T[], first: T): T[] {
  return [first, ...list.filter((x) => x !== first)];
}
