/**
 * A first pass over a BibTeX file that reads it exactly as @retorquere/bibtex-parser's own first
 * pass does (its dist/esm/verbatim.js, class `Library`: the same tokens, `@string` lookups and error
 * recovery, line for line) but builds nothing, so that a file is measured before the parser is
 * allowed near it.
 *
 * Why: that pass substitutes `@string`s eagerly, joining the text of every part of a value, and the
 * parser then runs its LaTeX grammar over every `@string` again (`prep`). Twenty-five definitions
 * that each double the one before (`@string{a1 = a0 # a0}`, 470 bytes) become 2^26 characters and
 * over a minute of work before the parser gives up. The parser has no option to limit it (its
 * `Options`, v9.0.29). Here a value's length is the sum of its parts' lengths and a `@string`'s
 * length is a number, so nothing grows, and the scan stops at the first cap a file breaks.
 *
 * It also counts the work of the parser's error recovery (it rewinds to just after the broken
 * item's `@` and reads on, and works out a line number from the file's start for each error), and
 * lists the entries and where their values lie, for lib/library/import/bibtex-reduce.ts.
 * tests/unit/import-bibtex-scan.test.ts checks it against the parser's first pass on generated files.
 */

export interface Span {
  start: number;
  end: number;
}

export interface ScannedField extends Span {
  /** Lower-cased, as the parser names it ("title+duplicate-1" for a repeat). */
  name: string;
  /** Characters once `@string`s are substituted. */
  length: number;
  /** A value written as one `{…}` or `"…"` with nothing joined to it: where its text lies. */
  literal?: Span;
}

export interface ScannedEntry {
  type: string;
  key: string;
  /** The first pass could not read it (the parser then lists it with an empty `input`). */
  broken: boolean;
  fields: ScannedField[];
}

export type ScanProblem =
  | { kind: 'string'; name: string; length: number }
  | { kind: 'expanded'; length: number }
  | { kind: 'entries'; count: number }
  | { kind: 'errors'; count: number }
  | { kind: 'work' };

export interface ScanCaps {
  stringLength: number;
  expandedLength: number;
  entries: number;
  errors: number;
  /** Characters the parser's first pass would read, re-reads included. */
  work: number;
}

export type BibtexScan =
  | {
      ok: true;
      entries: ScannedEntry[];
      /** Each `@string` (upper-cased) and its length once expanded. */
      strings: ReadonlyMap<string, number>;
      expandedLength: number;
      errors: number;
    }
  | { ok: false; problem: ScanProblem };

/** The parser's built-in `@string`s (verbatim.js, `default_strings`): month names and journals. */
const DEFAULT_STRINGS: Readonly<Record<string, string>> = {
  JAN: '01',
  JANUARY: '01',
  FEB: '02',
  FEBRUARY: '02',
  MAR: '03',
  MARCH: '03',
  APR: '04',
  APRIL: '04',
  MAY: '05',
  JUN: '06',
  JUNE: '06',
  JUL: '07',
  JULY: '07',
  AUG: '08',
  AUGUST: '08',
  SEP: '09',
  SEPTEMBER: '09',
  OCT: '10',
  OCTOBER: '10',
  NOV: '11',
  NOVEMBER: '11',
  DEC: '12',
  DECEMBER: '12',
  ACMCS: 'ACM Computing Surveys',
  ACTA: 'Acta Informatica',
  CACM: 'Communications of the ACM',
  IBMJRD: 'IBM Journal of Research and Development',
  IBMSJ: 'IBM Systems Journal',
  IEEESE: 'IEEE Transactions on Software Engineering',
  IEEETC: 'IEEE Transactions on Computers',
  IEEETCAD: 'IEEE Transactions on Computer-Aided Design of Integrated Circuits',
  IPL: 'Information Processing Letters',
  JACM: 'Journal of the ACM',
  JCSS: 'Journal of Computer and System Sciences',
  SCP: 'Science of Computer Programming',
  SICOMP: 'SIAM Journal on Computing',
  TOCS: 'ACM Transactions on Computer Systems',
  TODS: 'ACM Transactions on Database Systems',
  TOG: 'ACM Transactions on Graphics',
  TOMS: 'ACM Transactions on Mathematical Software',
  TOOIS: 'ACM Transactions on Office Information Systems',
  TOPLAS: 'ACM Transactions on Programming Languages and Systems',
  TCS: 'Theoretical Computer Science',
};
const DEFAULT_LENGTHS = new Map(Object.entries(DEFAULT_STRINGS).map(([name, value]) => [name, value.length]));

/** The parser's key characters: `/[+'a-zA-Z0-9&;_:\\./-]/`, or a letter (tested one UTF-16 unit at a time). */
const KEY_ASCII = /[+'a-zA-Z0-9&;_:\\./-]/;
const LETTER = /[\p{Lu}\p{Lt}\p{Ll}\p{Lm}\p{Lo}]/u;
const DIGITS = /^\d+$/;

/** The parser's `ParsingError`, which it recovers from; `at` is where it was raised. */
class ScanError extends Error {
  constructor(readonly at: number) {
    super('BibTeX syntax error');
  }
}

/** A cap is broken: the scan stops. */
class Stop extends Error {
  constructor(readonly problem: ScanProblem) {
    super(problem.kind);
  }
}

interface Part extends Span {
  length: number;
  text?: Span;
}

class Scanner {
  private pos = 0;
  private parsing = '';
  readonly strings = new Map<string, number>();
  readonly entries: ScannedEntry[] = [];
  private current: ScannedEntry | undefined;
  private fieldNames = new Set<string>();
  private readonly unresolved = new Set<string>();
  errors = 0;
  expanded = 0;
  private work: number;

  constructor(
    private readonly input: string,
    private readonly caps: ScanCaps,
  ) {
    this.work = input.length;
  }

  run(): void {
    while (this.pos < this.input.length) this.next();
  }

  private fail(): ScanError {
    return new ScanError(this.pos);
  }

  private skipWhitespace(): void {
    const { input } = this;
    while (this.pos < input.length) {
      const char = input[this.pos];
      if (char === '%') {
        while (this.pos < input.length && input[this.pos] !== '\n') this.pos++;
      } else if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
        this.pos++;
      } else return;
    }
  }

  private match(token: string, skipAfter = true): void {
    this.skipWhitespace();
    if (!this.input.startsWith(token, this.pos)) throw this.fail();
    this.pos += token.length;
    if (skipAfter) this.skipWhitespace();
  }

  private tryMatch(token: string, consume = false): boolean {
    this.skipWhitespace();
    const found = this.input.startsWith(token, this.pos);
    if (found && consume) this.pos += token.length;
    return found;
  }

  private braces(): Span {
    this.match('{', false);
    const { input } = this;
    const start = this.pos;
    let depth = 0;
    let math = false;
    for (;;) {
      switch (input[this.pos]) {
        case '\\':
          this.pos += 1;
          break;
        case '{':
          depth++;
          break;
        case '}':
          if (depth === 0) {
            if (math) throw this.fail();
            this.pos++;
            return { start, end: this.pos - 1 };
          }
          depth--;
          break;
        case '$':
          math = !math;
          break;
      }
      this.pos++;
      if (this.pos >= input.length) throw this.fail();
    }
  }

  private quotes(): Span {
    this.match('"', false);
    const { input } = this;
    const start = this.pos;
    let depth = 0;
    for (;;) {
      switch (input[this.pos]) {
        case '\\':
          this.pos += 1;
          break;
        case '{':
          depth++;
          break;
        case '}':
          depth--;
          break;
        case '"':
          if (depth <= 0) {
            this.pos++;
            return { start, end: this.pos - 1 };
          }
      }
      this.pos++;
      if (this.pos >= input.length) throw this.fail();
    }
  }

  private key(allow = ''): string {
    const { input } = this;
    const start = this.pos;
    for (;;) {
      if (this.pos === input.length) throw this.fail();
      const char = input[this.pos]!;
      if (KEY_ASCII.test(char) || LETTER.test(char) || allow.includes(char)) this.pos++;
      else return input.substring(start, this.pos);
    }
  }

  private singleValue(): Part {
    if (this.tryMatch('{')) {
      const start = this.pos;
      const text = this.braces();
      return { start, end: this.pos, length: text.end - text.start, text };
    }
    if (this.tryMatch('"')) {
      const start = this.pos;
      const text = this.quotes();
      return { start, end: this.pos, length: text.end - text.start, text };
    }
    const start = this.pos;
    const bare = this.key();
    const end = this.pos;
    if (DIGITS.test(bare)) return { start, end, length: bare.length };
    const name = bare.toUpperCase();
    // `strings[name] || default_strings[name]`: a `@string` defined as "" falls back to the default.
    const length = this.strings.get(name) || DEFAULT_LENGTHS.get(name);
    if (length !== undefined) return { start, end, length };
    this.unresolvedReference(bare);
    return { start, end, length: bare.length + 4 }; // the parser writes `{{name}}`
  }

  private unresolvedReference(bare: string): void {
    // The parser looks through its errors for the same message before adding one.
    this.spend(this.errors);
    if (this.unresolved.has(bare)) return;
    this.unresolved.add(bare);
    this.countError();
  }

  private value(): Part {
    const first = this.singleValue();
    let { length, end } = first;
    let parts = 1;
    while (this.tryMatch('#')) {
      this.match('#');
      const next = this.singleValue();
      length += next.length;
      end = next.end;
      parts++;
    }
    this.expanded += length;
    if (this.expanded > this.caps.expandedLength) throw new Stop({ kind: 'expanded', length: this.expanded });
    return { start: first.start, end, length, ...(parts === 1 && first.text ? { text: first.text } : {}) };
  }

  private keyEqualsValue(given = ''): void {
    const key = given || this.key();
    if (!key) return;
    if (!this.tryMatch('=')) throw this.fail();
    this.match('=');
    const value = this.value();
    if (this.parsing === 'string') {
      if (value.length > this.caps.stringLength)
        throw new Stop({ kind: 'string', name: key, length: value.length });
      this.strings.set(key.toUpperCase(), value.length);
      return;
    }
    const bare = key.toLowerCase();
    let name = bare;
    for (let postfix = 1; this.fieldNames.has(name); postfix++) name = `${bare}+duplicate-${postfix}`;
    this.fieldNames.add(name);
    const field: ScannedField = { name, start: value.start, end: value.end, length: value.length };
    if (value.text) field.literal = value.text;
    this.current!.fields.push(field);
  }

  private entry(guard: string): void {
    if (this.tryMatch(guard)) return;
    const key = this.tryMatch(',') ? '' : this.key('[]*"');
    if (this.tryMatch('=')) this.keyEqualsValue(key);
    else this.current!.key = key;
    this.tryMatch(',', true);
    if (this.tryMatch(guard)) return;
    this.keyEqualsValue();
    while (this.tryMatch(',', true)) {
      if (this.tryMatch(guard)) return;
      this.keyEqualsValue();
    }
  }

  private matchGuard(): string {
    for (const [open, close] of [
      ['{', '}'],
      ['(', ')'],
    ] as const) {
      if (this.tryMatch(open)) {
        this.match(open);
        return close;
      }
    }
    throw this.fail();
  }

  private comment(): void {
    const { input } = this;
    while (input[this.pos] === ' ' || input[this.pos] === '\t') this.pos++;
    if (input[this.pos] === '{') this.braces();
    else while (input[this.pos] !== '\n' && this.pos < input.length) this.pos++;
  }

  private next(): void {
    const { input } = this;
    this.skipWhitespace();
    while (this.pos < input.length && input[this.pos] !== '@') {
      if (input[this.pos] === '%') {
        while (this.pos < input.length && input[this.pos] !== '\n') this.pos++;
      } else this.pos++;
    }
    if (this.pos >= input.length) return;
    const start = this.pos;
    try {
      this.match('@');
      const directive = (this.parsing = this.key().toLowerCase());
      if (directive === 'string') {
        const guard = this.matchGuard();
        this.keyEqualsValue();
        this.match(guard);
      } else if (directive === 'preamble') {
        this.value();
      } else if (directive === 'comment') {
        this.comment();
      } else {
        const guard = this.matchGuard();
        this.current = { type: directive, key: '', broken: true, fields: [] };
        this.fieldNames = new Set();
        this.entries.push(this.current);
        if (this.entries.length > this.caps.entries)
          throw new Stop({ kind: 'entries', count: this.entries.length });
        this.entry(guard);
        this.match(guard);
        this.current.broken = false;
      }
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      this.pos = start + 1;
      while (this.pos < input.length && input[this.pos] !== '@') this.pos++;
      // Re-read from just after the `@`; the error's line number, worked out by splitting the
      // text up to it into lines (a quarter of the cost of reading it: measured); the search for
      // the same message among the errors so far.
      this.spend(error.at - start + error.at / 4 + this.errors);
      this.countError();
    }
  }

  private countError(): void {
    this.errors++;
    if (this.errors > this.caps.errors) throw new Stop({ kind: 'errors', count: this.errors });
  }

  private spend(work: number): void {
    this.work += work;
    if (this.work > this.caps.work) throw new Stop({ kind: 'work' });
  }
}

/** Measures `text` as the parser would read it; stops at the first cap broken. */
export function scanBibtex(text: string, caps: ScanCaps): BibtexScan {
  const scanner = new Scanner(text, caps);
  try {
    scanner.run();
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problem: error.problem };
    throw error;
  }
  return {
    ok: true,
    entries: scanner.entries,
    strings: scanner.strings,
    expandedLength: scanner.expanded,
    errors: scanner.errors,
  };
}
