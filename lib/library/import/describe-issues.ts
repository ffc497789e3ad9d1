import type { z } from '../../zod';
import { t, type MessageKey } from '../../i18n';

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

const TOO_MANY: Readonly<Record<string, MessageKey>> = {
  authors: 'issueTooManyNames',
  tags: 'issueTooManyTags',
};

const EXPECTED: Readonly<Record<string, MessageKey>> = {
  string: 'typeText',
  number: 'typeNumber',
  int: 'typeInt',
  boolean: 'typeBoolean',
  array: 'typeArray',
  object: 'typeObject',
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
      if (issue.origin === 'string') return t('issueTooLong', NUMBER.format(Number(issue.maximum)));
      if (issue.origin === 'array')
        return t(TOO_MANY[field] ?? 'issueTooManyItems', NUMBER.format(Number(issue.maximum)));
      break;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return t('issueEmpty');
      break;
    case 'invalid_type': {
      // zod leaves the value out of its issues; its message still says what it received.
      if (/received undefined$/.test(message)) return t('issueMissing');
      const expected = EXPECTED[issue.expected] ? t(EXPECTED[issue.expected]!) : issue.expected;
      return issue.path.length ? t('issueShouldBe', expected) : t('issueNotABookmark', expected);
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
    return rest.startsWith(':') ? `${path}${rest}` : t('issueField', path, rest);
  });
  const joined = sentences.join('; ');
  return issues.length > 5 ? t('issuesMore', joined, issues.length - 5) : joined;
}
