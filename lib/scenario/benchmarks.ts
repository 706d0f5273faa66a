import { Rng } from './prng';

/**
 * Benchmark-style items (MMLU-like multiple choice, GSM8K-like word problems, HumanEval-like
 * function stubs), generated from (suite, index) alone, so every account replaying "item 1234"
 * sends exactly the same text: both eval-harness users and benchmark-replay attackers do.
 */
export type Suite = 'mmlu' | 'gsm' | 'code';

const SUBJECTS = [
  'abstract algebra',
  'anatomy',
  'astronomy',
  'business ethics',
  'clinical knowledge',
  'college biology',
  'college chemistry',
  'college computer science',
  'college mathematics',
  'college physics',
  'computer security',
  'conceptual physics',
  'econometrics',
  'electrical engineering',
  'formal logic',
  'global facts',
  'high school biology',
  'high school chemistry',
  'high school geography',
  'high school macroeconomics',
  'high school psychology',
  'international law',
  'jurisprudence',
  'machine learning',
  'management',
  'marketing',
  'medical genetics',
  'moral disputes',
  'nutrition',
  'philosophy',
  'prehistory',
  'professional accounting',
  'professional law',
  'public relations',
  'security studies',
  'sociology',
  'us foreign policy',
  'virology',
  'world religions',
];
const TERMS = [
  'the concept of equilibrium',
  'the main function of this process',
  'the standard definition',
  'the most likely outcome',
  'the primary cause',
  'the key assumption of the model',
  'the best first step',
];
const OPTIONS = [
  'It increases steadily over time.',
  'It depends only on external factors.',
  'It is determined by the initial conditions.',
  'It has no measurable effect.',
  'It reverses under pressure.',
  'It is proportional to the input.',
  'It applies only in special cases.',
  'It was first described in the 19th century.',
];
const NAMES = [
  'Natalia',
  'Weng',
  'Betty',
  'Julie',
  'James',
  'Albert',
  'Ken',
  'Tina',
  'Randy',
  'Joy',
];
const THINGS = ['clips', 'eggs', 'pages', 'cupcakes', 'marbles', 'stamps', 'seeds', 'tickets'];
const FNS = [
  'has_close_elements',
  'separate_paren_groups',
  'truncate_number',
  'below_zero',
  'mean_absolute_deviation',
  'intersperse',
  'parse_nested_parens',
  'filter_by_substring',
  'sum_product',
  'rolling_max',
  'make_palindrome',
  'string_xor',
  'longest',
  'greatest_common_divisor',
  'all_prefixes',
  'count_distinct_characters',
];
const DOCS = [
  'Return True if any two numbers in the list are closer to each other than the threshold.',
  'Return the running maximum of the list of integers.',
  'Return the longest string, or None for an empty list.',
  'Return the greatest common divisor of two integers a and b.',
  'Return a list of all prefixes from shortest to longest.',
];

export function suiteSize(suite: Suite): number {
  return suite === 'mmlu' ? 14_042 : suite === 'gsm' ? 1_319 : 164;
}

export function benchmarkItem(suite: Suite, index: number): string {
  const r = new Rng('bench', suite, index);
  if (suite === 'mmlu') {
    const subject = SUBJECTS[index % SUBJECTS.length];
    const opts = r.shuffle([...OPTIONS]).slice(0, 4);
    return (
      `The following are multiple choice questions (with answers) about ${subject}.\n\n` +
      `Which of the following best describes ${r.pick(TERMS)} in ${subject} (item ${index})?\n` +
      `A. ${opts[0]}\nB. ${opts[1]}\nC. ${opts[2]}\nD. ${opts[3]}\nAnswer:`
    );
  }
  if (suite === 'gsm') {
    const name = r.pick(NAMES);
    const thing = r.pick(THINGS);
    const a = r.int(12, 96);
    return (
      `Question: ${name} collected ${a} ${thing} in April, and then half as many ${thing} in May. ` +
      `${name} gave away ${r.int(2, 11)} ${thing} each week for ${r.int(2, 4)} weeks. How many ${thing} does ${name} have now?\nAnswer:`
    );
  }
  const fn = `${FNS[index % FNS.length]}${index >= FNS.length ? `_${Math.floor(index / FNS.length)}` : ''}`;
  const x = r.int(1, 9);
  return (
    `from typing import List\n\n\ndef ${fn}(numbers: List[int], k: int) -> List[int]:\n` +
    `    """ ${r.pick(DOCS)}\n    >>> ${fn}([${x}, ${x + 2}, ${x + 1}], ${r.int(1, 3)})\n    [${x}, ${x + 2}]\n    """\n`
  );
}
