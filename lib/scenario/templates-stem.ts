import type { Rng } from './prng';

/** Prompt templates and extra slots for the math, reasoning and science buckets. */
export const STEM_SLOTS: Record<string, readonly string[] | ((r: Rng) => string)> = {
  fn: ['x^3 sin(x)', 'e^(2x) cos(x)', 'ln(x^2 + 1)', 'x^2 e^x', '(x + 1)/(x - 1)', 'sqrt(1 + x^2)'],
  fn2: ['e^x', 'sin(x)', 'ln(1 + x)', 'cos(2x)'],
  proof_stmt: [
    'the square root of 2 is irrational',
    'there are infinitely many primes',
    'the sum of two odd numbers is even',
    'every convergent sequence is bounded',
  ],
  induction_stmt: [
    '1 + 2 + ... + n = n(n+1)/2 for every positive integer n',
    '2^n > n for every natural number n',
    'n^3 - n is divisible by 6 for every integer n',
  ],
  stat_case: ['the mean height of a sample of students', 'the share of customers who renew'],
  puzzle_people: [
    'Anna says Ben is lying, Ben says Carl is lying, Carl says both Anna and Ben are lying',
    'Three suspects each accuse one of the others',
  ],
  riddle: [
    'What has keys but cannot open locks?',
    'The more you take, the more you leave behind. What am I?',
  ],
  claim: [
    'we are both knaves',
    'exactly one of us is a knight',
    'I am a knave or you are a knight',
  ],
  cat1: ['bloops', 'painters', 'cats'],
  cat2: ['razzies', 'artists', 'mammals'],
  cat3: ['lazzies', 'musicians', 'pets'],
  generic_question: [
    'is it cheaper to rent or to buy a car for two years?',
    'how many tennis balls fit in a school bus?',
    'should a small bakery open on Sundays?',
  ],
  claim2: ['a heavier object falls faster', 'a bigger team always finishes sooner'],
  project: ['launching a mobile app', 'moving house', 'organising a conference'],
  tasks: [
    'reply to emails, fix the roof, file taxes, call the bank',
    'write the report, prepare slides, book travel',
  ],
  hypo: ['the Moon disappeared', 'everyone worked only four days a week', 'plants could walk'],
  analogy: [
    'bird is to nest as bee is to ?',
    'hot is to cold as day is to ?',
    'author is to book as composer is to ?',
  ],
  odd: [
    'apple, banana, carrot, grape',
    'violin, cello, flute, viola',
    'Paris, Rome, Madrid, Sydney',
  ],
  physics_topic: [
    'quantum entanglement',
    'special relativity',
    'the second law of thermodynamics',
    'electromagnetic induction',
  ],
  chem_eq: ['H2 + O2 -> H2O', 'C3H8 + O2 -> CO2 + H2O', 'Fe + O2 -> Fe2O3'],
  chem_topic: [
    'oxidation and reduction',
    'how a catalyst speeds up a reaction',
    'acid and base strength',
  ],
  compound: ['sodium chloride', 'glucose', 'calcium carbonate'],
  bio_topic: [
    'photosynthesis',
    'DNA replication',
    'natural selection',
    'the immune response to bacteria',
  ],
  organelle: ['the mitochondria', 'the ribosome', 'the Golgi apparatus'],
  organism: ['plants', 'animals', 'yeast'],
  disease: ['type 2 diabetes', 'migraine', 'asthma', 'Lyme disease'],
  drug: ['ibuprofen', 'amoxicillin', 'metformin'],
  earth_topic: [
    'plate tectonics and earthquakes',
    'the water cycle and weather',
    'ocean currents and climate',
  ],
  planet: ['Mars', 'Jupiter', 'Venus', 'Saturn'],
  feature: ['such a thin atmosphere', 'a giant storm', 'rings', 'such a long day'],
  region: ['coastal cities', 'the Arctic', 'farming in Africa'],
};

export const STEM_TEMPLATES: Record<string, readonly string[]> = {
  'math/arithmetic': [
    'What is {n3} * {n2} + {n2}?',
    'Calculate {n3} + {n3} - {n2}.',
    'Compute {pct} percent of {n4}.',
    'What is the square root of {sq}? Calculate it to two decimal places.',
  ],
  'math/algebra': [
    'Solve for x: {a}x + {b} = {c}.',
    'Solve the quadratic equation {a}x^2 - {b}x + {c} = 0.',
    'Factor the polynomial x^2 + {b}x + {c}.',
    'Solve the system of equations: {a}x + {b}y = {c} and x - y = {d}.',
  ],
  'math/calculus': [
    'Find the derivative of f(x) = {fn}.',
    'Compute the integral of {fn} dx.',
    'Evaluate the limit of {fn} as x approaches {d}.',
    'Find the Taylor series of {fn2} around x = 0.',
  ],
  'math/geometry': [
    'A triangle has sides {a}, {b} and {c}. Find its area and perimeter.',
    'Find the area of a circle with radius {n2}.',
    'Use the Pythagorean theorem to find the hypotenuse of a right triangle with legs {a} and {b}.',
    'What is the volume of a sphere with diameter {n2}?',
  ],
  'math/probability-statistics': [
    'What is the probability of rolling a sum of {d} with two dice?',
    'Compute the mean, median and standard deviation of: {list}.',
    'A coin is flipped {d} times. What is the probability of exactly {e} heads?',
    'Explain how to compute a confidence interval for {stat_case}.',
  ],
  'math/proof': [
    'Prove that {proof_stmt}.',
    'Prove by induction that {induction_stmt}.',
    'Show that {proof_stmt}, with a rigorous proof.',
  ],
  'math/word-problems': [
    '{name} has {n2} {items}. She buys {d} more and gives {e} away. How many {items} does she have left?',
    'A train leaves {city} at {d} pm travelling at {n2} miles per hour. How far has it gone by 11 pm?',
    '{name} sells {items} for {d} dollars each and sold {n2} of them. What is the total amount earned?',
    'If {d} workers paint a house in {e} days, how many days do {n2} workers need? Solve this word problem.',
  ],
  'math/linear-algebra': [
    'Find the eigenvalues and eigenvectors of the matrix [[{a}, {b}], [{c}, {d}]].',
    'Compute the determinant of the matrix [[{a}, {b}, 1], [{c}, {d}, 2], [1, 0, {e}]].',
    'Are the vectors ({a}, {b}, {c}) and ({d}, {e}, 1) orthogonal? Compute the dot product.',
  ],
  'reasoning/logic-puzzles': [
    'Logic puzzle: {puzzle_people}. Who is lying?',
    'Solve this riddle: {riddle}',
    "On an island of knights and knaves, {name} says '{claim}'. Is {name} a knight or a knave?",
    'If all {cat1} are {cat2} and some {cat2} are {cat3}, can we deduce that some {cat1} are {cat3}? Explain the syllogism.',
  ],
  'reasoning/step-by-step': [
    'Think step by step: {generic_question}',
    "Let's think step by step about whether {claim2}.",
    'Explain your reasoning step by step: {generic_question}',
  ],
  'reasoning/planning': [
    'Make a {d}-week project plan with milestones for {project}.',
    'Help me plan an itinerary for {d} days in {city}.',
    'Prioritize these tasks and create an action plan: {tasks}.',
  ],
  'reasoning/commonsense': [
    'What would happen if {hypo}? Use common sense.',
    'Complete the analogy: {analogy}',
    'Find the odd one out: {odd}.',
  ],
  'science/physics': [
    'A {n2} kg object accelerates at {d} m/s^2. What force acts on it? Explain the physics.',
    'Explain {physics_topic} in simple terms, as a physics teacher would.',
    'Calculate the kinetic energy of a {n2} kg mass moving at a velocity of {d} m/s.',
  ],
  'science/chemistry': [
    'Balance the chemical equation: {chem_eq}.',
    'Explain {chem_topic} in chemistry.',
    'How many moles are in {n2} grams of {compound}? Show the molar mass calculation.',
  ],
  'science/biology': [
    'Explain how {bio_topic} works in biology.',
    'What is the role of {organelle} in a cell?',
    'Describe the difference between mitosis and meiosis in {organism}.',
  ],
  'science/medicine': [
    'What are the symptoms and treatment options for {disease}?',
    'What is the usual dosage of {drug} for adults, and what are its side effects?',
    'How is the diagnosis of {disease} made?',
  ],
  'science/earth-space': [
    'Explain how {earth_topic} works.',
    'Why does the planet {planet} have {feature}? Explain the astronomy.',
    'How does climate change affect {region}?',
  ],
};
