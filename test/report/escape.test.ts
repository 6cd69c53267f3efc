import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  WORD_JOINER,
  escapeCode,
  escapeHtml,
  escapeInline,
  escapeTerminal,
  safeUrl,
  sanitizeText,
  truncate,
} from '../../src/report/escape.js';
import { HOSTILE_NAMES, hostileString } from './hostile.js';
import {
  bodyCells,
  linkableText,
  linkableTokens,
  renderGfm,
  tableShapes,
  tagsOf,
  textOf,
} from './gfm.js';

const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code']);
const RUNS = { numRuns: 400 };

/** A two-column table whose first body row holds `cell`, and a sentinel after it. */
function tableWith(cell: string): string {
  return `| value | end |\n|---|---|\n| ${cell} | END |\n| after | END |\n`;
}

/** What the reader sees, without the invisible joiners we insert. */
function visible(html: string): string {
  return textOf(html).split(WORD_JOINER).join('');
}

function assertHarmlessTable(cell: string, expected: string): void {
  const html = renderGfm(tableWith(cell));
  // Shape: one header of two cells, exactly two rows of two cells, sentinel intact.
  expect(tableShapes(html)).toEqual([{ header: 2, rows: [2, 2] }]);
  const cells = bodyCells(html);
  expect(cells[0]?.[1]).toBe('END');
  expect(cells[1]?.[0]).toBe('after');
  // Nothing from the input became an element or an attribute, and nothing became a link.
  for (const tag of tagsOf(html)) {
    expect(TABLE_TAGS.has(tag.name)).toBe(true);
    expect(tag.attributes).toEqual([]);
  }
  // The reader sees exactly the (sanitized) input: no character was swallowed as syntax.
  expect(visible(cells[0]?.[0] ?? '')).toBe(expected.split(WORD_JOINER).join(''));
  // GitHub's mention / reference / SHA filters find nothing to link outside code.
  expect(linkableTokens(linkableText(html))).toEqual([]);
}

describe('escapeInline', () => {
  it.each(HOSTILE_NAMES)('renders %j harmlessly and faithfully in a table cell', (name) => {
    assertHarmlessTable(escapeInline(name), sanitizeText(name));
  });

  it('keeps any string harmless and faithful in a table cell (property)', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        assertHarmlessTable(escapeInline(text), sanitizeText(text));
      }),
      RUNS,
    );
  });

  it('keeps any string harmless in a sentence and a list item (property)', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (a, b) => {
        const html = renderGfm(`Campaign ${escapeInline(a)} failed.\n\n- ${escapeInline(b)}\n`);
        for (const tag of tagsOf(html)) {
          expect(['p', 'ul', 'li', 'code']).toContain(tag.name);
          expect(tag.attributes).toEqual([]);
        }
        expect(linkableTokens(linkableText(html))).toEqual([]);
        const seen = (s: string) => s.split(WORD_JOINER).join('');
        expect(visible(/<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '')).toBe(
          seen(`Campaign ${sanitizeText(a)} failed.`),
        );
        expect(visible(/<li>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '')).toBe(seen(sanitizeText(b)));
      }),
      RUNS,
    );
  });

  it('breaks mentions, references and autolinks with an invisible joiner, not a backslash', () => {
    expect(escapeInline('@acme/sales')).toBe(`@${WORD_JOINER}acme/sales`);
    expect(escapeInline('#12')).toBe(`\\#${WORD_JOINER}12`);
    expect(escapeInline('GH-12')).toBe(`GH\\-${WORD_JOINER}12`);
    expect(escapeInline('@octocat http:// x')).toBe(
      `@${WORD_JOINER}octocat http:${WORD_JOINER}// x`,
    );
  });

  it('puts URLs, emails and domain names in code spans: copyable, with no invisible character', () => {
    expect(escapeInline('go to https://support.google.com/mail/?p=BadCredentials.')).toBe(
      'go to `https://support.google.com/mail/?p=BadCredentials`\\.',
    );
    expect(escapeInline('mail bob@example.com, www.evil.example and acmehq.com')).toBe(
      'mail `bob@example.com`, `www.evil.example` and `acmehq.com`',
    );
    expect(escapeInline('rua=mailto:dmarc@acmehq.com')).toBe('rua\\=`mailto:dmarc@acmehq.com`');
    // Not values: version numbers, SMTP codes, a lone scheme.
    expect(escapeInline('5.7.8 in 0.1.0, e.g. this')).toBe('5\\.7\\.8 in 0\\.1\\.0, e\\.g\\. this');
    for (const text of HOSTILE_NAMES.filter((n) => /@|:\/\/|www\./.test(n))) {
      const html = renderGfm(tableWith(escapeInline(text)));
      for (const code of html.matchAll(/<code>([^<]*)<\/code>/g))
        expect(code[1]).not.toContain(WORD_JOINER);
    }
  });

  it('caps long text with an ellipsis', () => {
    const out = escapeInline('x'.repeat(5000), { max: 40 });
    expect(out).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('escapeCode', () => {
  it.each(HOSTILE_NAMES)('renders %j verbatim inside one code element in a table cell', (name) => {
    const html = renderGfm(tableWith(escapeCode(name)));
    expect(tableShapes(html)).toEqual([{ header: 2, rows: [2, 2] }]);
    const cell = bodyCells(html)[0]?.[0] ?? '';
    if (sanitizeText(name) !== '') expect(cell).toMatch(/^<code>[^<]*<\/code>$/);
    expect(textOf(cell)).toBe(sanitizeText(name));
  });

  it('keeps any string in one code element, verbatim, in a table cell (property)', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const html = renderGfm(tableWith(escapeCode(text)));
        expect(tableShapes(html)).toEqual([{ header: 2, rows: [2, 2] }]);
        const cells = bodyCells(html);
        expect(cells[0]?.[1]).toBe('END');
        const cell = cells[0]?.[0] ?? '';
        if (sanitizeText(text) !== '') expect(cell).toMatch(/^<code>[^<]*<\/code>$/);
        expect(textOf(cell)).toBe(sanitizeText(text));
        expect(linkableTokens(linkableText(html))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('outside a table, shows a pipe without a backslash', () => {
    expect(textOf(renderGfm(escapeCode('a|b', { table: false })))).toBe('a|b\n');
  });
});

describe('escapeHtml', () => {
  it('is inert inside a raw HTML block such as <summary> (property)', () => {
    fc.assert(
      fc.property(hostileString, (text) => {
        const html = renderGfm(
          `<details><summary>${escapeHtml(text)}</summary>\n\nbody\n\n</details>\n`,
        );
        expect(tagsOf(html).map((t) => t.name)).toEqual(['details', 'summary', 'p']);
        expect(linkableTokens(linkableText(html))).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('sanitizeText and escapeTerminal', () => {
  it('removes every control and bidi character, and line breaks (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = escapeTerminal(text);
        expect(out).not.toMatch(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
        );
        expect(out.isWellFormed()).toBe(true);
      }),
      RUNS,
    );
  });

  it('neutralises terminal escapes so they cannot recolour or move the cursor', () => {
    expect(escapeTerminal('\u001b[31mRED\u001b[0m\rX\u0008')).toBe(
      '\uFFFD[31mRED\uFFFD[0m X\uFFFD',
    );
  });

  it('truncates by code point without splitting a surrogate pair', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});

describe('safeUrl', () => {
  it('accepts http(s) and refuses other schemes', () => {
    expect(safeUrl('https://github.com/acme/w/issues/3')).toBe(
      'https://github.com/acme/w/issues/3',
    );
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://x.io/a)b')).toBe('https://x.io/a%29b');
  });
});
