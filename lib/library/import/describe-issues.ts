import type { z } from '../../zod';

/**
 * Why a row of an import file was refused, in words the user can act on: "summary is longer than
 * 20,000 characters", "authors has more than 5,000 names", "addedAt is after 2100". A format can
 * name the fields as its files do (BibTeX says "abstract" where the row says "summary").
 */

export type FieldNames = Readonly<Record<string, string>>;

const NUMBER = new Intl.NumberFormat('en-US');

/** "20,000": counts and limits in messages. */
export function formatCount(count: number): string {
  return NUMBER.format(count);
}

const ITEMS: Readonly<Record<string, string>> = { authors: 'names', tags: 'tags' };

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

type Issue = z.core.$ZodIssue;

function pathText(path: readonly PropertyKey[], names: FieldNames): string {
  return path
    .map((part, position) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = position === 0 ? (names[String(part)] ?? String(part)) : String(part);
      return position ? `.${name}` : name;
    })
    .join('');
}

/** zod's own messages start so; the schemas' messages ("not an http(s) URL", "is after 2100") do not. */
const ZOD_DEFAULT = /^(Invalid|Too big|Too small)\b/;

/** The predicate of the sentence ("is longer than 300 characters"), from the issue's code. */
function predicate(issue: Issue): string {
  const { message } = issue;
  if (!ZOD_DEFAULT.test(message)) {
    if (/^not /.test(message)) return `is ${message}`;
    return /^(is|has|should) /.test(message) ? message : `: ${message}`;
  }
  const field = String(issue.path[0] ?? '');
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string')
        return `is longer than ${NUMBER.format(Number(issue.maximum))} characters`;
      if (issue.origin === 'array')
        return `has more than ${NUMBER.format(Number(issue.maximum))} ${ITEMS[field] ?? 'items'}`;
      break;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'is empty';
      break;
    case 'invalid_type': {
      // zod leaves the value out of its issues; its message still says what it received.
      if (/received undefined$/.test(message)) return 'is missing';
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return issue.path.length ? `should be ${expected}` : `is not a bookmark (expected ${expected})`;
    }
  }
  return `: ${message}`;
}

/** "title is missing; authors[3] is longer than 300 characters" (at most five issues). */
export function describeIssues(issues: readonly Issue[], names: FieldNames = {}): string {
  const sentences = issues.slice(0, 5).map((issue) => {
    const path = pathText(issue.path, names);
    const rest = predicate(issue);
    if (!path) return rest.replace(/^: /, '').replace(/^is not/, 'not');
    return rest.startsWith(':') ? `${path}${rest}` : `${path} ${rest}`;
  });
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
  return `${sentences.join('; ')}${more}`;
}
