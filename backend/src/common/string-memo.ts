/**
 * Remembers a pure function of a string. Loading a batch folds the same few
 * hundred owner, unit and model names tens of thousands of times; when the
 * memo holds `limit` answers it starts again rather than grow without end.
 */
export function memoizeByString<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    if (answers.size >= limit) answers.clear();
    const answer = compute(text);
    answers.set(text, answer);
    return answer;
  };
}
