import { describe, expect, it } from 'vitest';
import { encodeCopy } from './copy-text';

describe('encodeCopy', () => {
  it('escapes COPY text specials and writes NULL as \\N', () => {
    expect(
      encodeCopy([
        [1, 'a\tb\nc\\d\re', null, true],
        [2, '', 0.5, false],
      ]),
    ).toBe('1\ta\\tb\\nc\\\\d\\re\t\\N\ttrue\n2\t\t0.5\tfalse\n');
  });
});
