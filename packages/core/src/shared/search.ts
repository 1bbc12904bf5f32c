/**
 * A user's search text as a prefix tsquery: "ada lov" finds "Ada Lovelace". Only letters and
 * digits survive, so the result is always a valid query; null when nothing is left to search.
 */
export function prefixQuery(text: string): string | null {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!tokens?.length) return null;
  return tokens
    .slice(0, 8)
    .map((token) => `${token}:*`)
    .join(' & ');
}
