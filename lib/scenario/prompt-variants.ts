import type { Rng } from './prng';

/** Paraphrasing, follow-ups, reasoning wrappers and synthetic responses. */
const PREFIXES = [
  '',
  '',
  'Hey, ',
  'Quick question: ',
  'I was wondering: ',
  'Could you help me? ',
  'For a project at work, ',
  'Hi! ',
  'Sorry if this is basic, but ',
];
const SUFFIXES = [
  '',
  '',
  ' Thanks!',
  ' Please keep it short.',
  ' Explain it like I am new to this.',
  ' No rush.',
  ' Cheers',
  ' I need it for tomorrow.',
];
const SYNONYMS: [RegExp, string[]][] = [
  [/^Write /, ['Write ', 'Could you write ', 'Please draft ', 'Can you put together ', 'I need ']],
  [/^Explain /, ['Explain ', 'Can you explain ', 'Help me understand ', 'Walk me through ']],
  [
    /^Translate /,
    ['Translate ', 'Please translate ', 'Could you translate ', 'Can you translate '],
  ],
  [/^What is /, ['What is ', "What's ", 'Tell me ', 'Do you know ']],
  [/^Solve /, ['Solve ', 'Can you solve ', 'Please solve ', 'Help me solve ']],
  [/^Give me /, ['Give me ', 'Can I get ', 'Share ', 'Suggest ']],
];

/** A light human-looking rewrite (adaptive low-and-slow traffic, chat users). */
export function paraphrase(r: Rng, text: string): string {
  let t = text;
  for (const [re, alts] of SYNONYMS) {
    if (re.test(t)) {
      t = t.replace(re, r.pick(alts));
      break;
    }
  }
  const pre = r.pick(PREFIXES);
  if (pre) t = pre + t.charAt(0).toLowerCase() + t.slice(1);
  return t + r.pick(SUFFIXES);
}

const FOLLOW_UPS = [
  'Can you make it shorter?',
  'Thanks! Can you give another example?',
  'Why is that?',
  'Can you explain that in more detail?',
  'Great, now format it as a table.',
  'What about edge cases?',
  'ok thanks',
  "That doesn't look right, can you check again?",
  'Can you rewrite it in a friendlier tone?',
  'And what if it was twice as big?',
  'Perfect. One more question about this.',
  'Could you add comments?',
  'Now translate that to plain English.',
];

export function followUp(r: Rng): string {
  return r.pick(FOLLOW_UPS);
}

const REASONING_WRAPS: ((p: string) => string)[] = [
  (p) => `${p}\n\nThink step by step and show all your work.`,
  (p) => `${p} Let's think step by step.`,
  (p) =>
    `Reason through this carefully and explain your reasoning at every step before the final answer.\n\n${p}`,
  (p) => `${p}\nWrite out your full chain of thought, then give the answer.`,
  (p) => `Show your work. ${p}`,
];

export function reasoningWrap(r: Rng, prompt: string): string {
  return r.pick(REASONING_WRAPS)(prompt);
}

const OPENERS = [
  'Sure, here is',
  'Here is',
  'Certainly. Below is',
  'Great question. Here is',
  'Okay, this is',
];
const BODIES = [
  'a concise answer with the key steps',
  'a worked solution',
  'a draft you can adapt',
  'an example and a short explanation',
  'the result, followed by the reasoning',
  'a summary of the main points',
];

/** Short synthetic model output (the real text is irrelevant to detection and would bloat files). */
export function syntheticResponse(r: Rng, bucketKey: string): string {
  return (
    `${r.pick(OPENERS)} ${r.pick(BODIES)} (${bucketKey.split('/').pop()}). ` +
    `${r.pick(['First,', 'To start,', 'In short,'])} ${r.pick(['the approach works in most cases', 'you can follow these steps', 'this depends on the details'])}…`
  );
}
