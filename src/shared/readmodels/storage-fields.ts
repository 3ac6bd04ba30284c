/**
 * A read model's document without the fields kept only for storage (search keys, sort keys,
 * folded facet values): answers show what the response type promises, not how it is indexed.
 */
export function withoutStorageFields<T extends object, K extends keyof T>(
  document: T,
  storageFields: readonly K[],
): Omit<T, K> {
  const answer = { ...document };
  for (const field of storageFields) delete answer[field];
  return answer;
}
