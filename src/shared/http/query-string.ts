/**
 * Reads a query string as WHATWG URLs do: a percent-escape that is not UTF-8 becomes U+FFFD, which
 * validation refuses as ill-formed text. (Fastify's parser kept such a value undecoded, so
 * `q=%ED%A0%80` was searched for as the literal text `%ED%A0%80`.) A repeated name gives a list.
 */
export function parseQueryString(text: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null) as Record<
    string,
    string | string[]
  >;
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = query[name];
    query[name] =
      seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
