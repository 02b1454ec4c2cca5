/**
 * Values of the data quoted in a report (a category of a chart, a most frequent value of the summary) are capped at
 * {@link MAX_EXAMPLE_LENGTH} characters, so one huge cell cannot bloat every report that names it.
 */

/** The longest quoted value, in UTF-16 code units; longer ones keep this many and end in `…`. */
export const MAX_EXAMPLE_LENGTH = 200;

/**
 * A value as quoted in a report: itself, or its first {@link MAX_EXAMPLE_LENGTH} characters and `…` (never splitting a
 * surrogate pair).
 *
 * @example
 * exampleValue('abc'); // => 'abc'
 * exampleValue('x'.repeat(300)).length; // => 201
 */
export function exampleValue(value: string): string {
  if (value.length <= MAX_EXAMPLE_LENGTH) return value;
  let end = MAX_EXAMPLE_LENGTH;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}
