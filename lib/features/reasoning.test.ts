import { describe, expect, it } from 'vitest';
import { computeEventFeatures } from './index';
import { isReasoningElicitation } from './reasoning';

describe('isReasoningElicitation', () => {
  it.each([
    'Solve 3x + 2 = 11. Think step by step.',
    'Explain your reasoning step-by-step before giving the final answer.',
    'Use chain-of-thought and show your work.',
    "Let's think about this carefully.",
    'Please think carefully and justify your answer.',
    'Walk me through your thought process for this proof.',
  ])('flags %j', (p) => expect(isReasoningElicitation(p)).toBe(true));

  it.each([
    'What is the capital of France?',
    'Write a poem about autumn leaves.',
    'Translate this into Spanish: step on the brake.',
    'Summarise the steps of the recipe.',
  ])('does not flag %j', (p) => expect(isReasoningElicitation(p)).toBe(false));

  it('sees instructions at the end of long documents and in the system prompt', () => {
    const longDoc = 'lorem ipsum dolor sit amet '.repeat(400) + '\nNow think step by step.';
    expect(isReasoningElicitation(longDoc)).toBe(true);
    expect(
      isReasoningElicitation('What is 12 * 7?', 'Always reason step by step before answering.'),
    ).toBe(true);
  });
});

describe('computeEventFeatures', () => {
  const sha = 'ab'.repeat(32);

  it('derives everything from the text', () => {
    const f = computeEventFeatures({
      prompt: 'Prove that there are infinitely many primes. Show your work.',
      system_prompt: 'You are a maths tutor.',
      conversation_id: 'c1',
      turn: 3,
      input_tokens: 100,
      output_tokens: 900,
    });
    expect(f.templateKey).toBe(f.simhash);
    expect(f.reasoning).toBe(true);
    expect(f.taxonomyBucket).toBe(20); // math/proof
    expect(f.singleTurn).toBe(false);
    expect(f.outInRatio).toBe(9);
    expect(f.promptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.systemPromptSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.lshBucket).toBeGreaterThanOrEqual(0);
    expect(f.lshBucket).toBeLessThan(4096);
  });

  it('hashes the exact prompt text (UTF-8) with SHA-256', () => {
    expect(computeEventFeatures({ prompt: 'abc' }).promptSha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('works in hashed mode from prompt_sha256 alone', () => {
    const f = computeEventFeatures({
      prompt_sha256: sha.toUpperCase(),
      input_tokens: 0,
      output_tokens: 5,
    });
    expect(f.promptSha256).toBe(sha);
    expect(f.simhash).toBe(BigInt.asIntN(64, 0xababababababababn));
    expect(f.simhash < 0n).toBe(true);
    expect(f.bands).toEqual([0xabab, 0xabab, 0xabab, 0xabab]);
    expect(f.lshBucket).toBe(0xaba);
    expect(f.taxonomyBucket).toBe(0);
    expect(f.reasoning).toBe(false);
    expect(f.outInRatio).toBeNull();
    expect(f.singleTurn).toBe(true);
    expect(f.systemPromptSha256).toBeNull();
  });

  it('defines single-turn as no conversation id, no turn, or turn 1', () => {
    const base = { prompt: 'hi there friend' };
    expect(computeEventFeatures(base).singleTurn).toBe(true);
    expect(computeEventFeatures({ ...base, conversation_id: 'c', turn: 1 }).singleTurn).toBe(true);
    expect(computeEventFeatures({ ...base, conversation_id: 'c', turn: null }).singleTurn).toBe(
      true,
    );
    expect(computeEventFeatures({ ...base, conversation_id: 'c', turn: 2 }).singleTurn).toBe(false);
  });

  it('rejects events with neither prompt nor a valid digest', () => {
    expect(() => computeEventFeatures({ prompt_sha256: 'xyz' })).toThrow();
    expect(() => computeEventFeatures({})).toThrow();
  });
});
