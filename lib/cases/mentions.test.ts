import { describe, expect, it } from 'vitest';
import { parseMentions } from './mentions';

describe('parseMentions', () => {
  it('finds local parts and full addresses, once each, lower-cased', () => {
    expect(parseMentions('Ping @Ann and @bob@distill.test, then @ann again.')).toEqual([
      'ann',
      'bob@distill.test',
    ]);
  });
  it('drops a trailing dot and ignores addresses that are not mentions', () => {
    expect(parseMentions('Thanks @legal. Mail me at carol@distill.test')).toEqual(['legal']);
  });
  it('ignores mentions inside code', () => {
    expect(parseMentions('`@notme` and\n```\n@nor.me\n```\n@yes')).toEqual(['yes']);
  });
});
