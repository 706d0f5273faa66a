import type { Rng } from './prng';

/**
 * Slot values for prompt templates: `{task}` is replaced by a random entry of SLOTS.task,
 * numeric slots (`{n2}`, `{d}`, ...) by random numbers. Lists are deliberately plain so that a
 * slot value rarely pulls a prompt into another taxonomy bucket.
 */
type Slot = readonly string[] | ((r: Rng) => string);

const num = (lo: number, hi: number) => (r: Rng) => String(r.int(lo, hi));

export const SLOTS: Record<string, Slot> = {
  n2: num(10, 99), n3: num(100, 999), n4: num(1000, 9999), d: num(2, 9), e: num(2, 9),
  a: num(1, 20), b: num(1, 20), c: num(1, 30), pct: num(5, 95), sq: num(2, 999),
  list: (r) => Array.from({ length: r.int(5, 9) }, () => r.int(1, 99)).join(', '),
  task: ['parses a CSV file and returns the rows as dictionaries', 'removes duplicates from a list while keeping order',
    'validates an email address', 'merges two sorted arrays', 'computes a moving average over a series',
    'counts word frequencies in a text', 'retries an HTTP request with exponential backoff',
    'converts a timestamp between time zones', 'finds the longest common prefix of a list of strings',
    'flattens a nested list', 'reads a JSON config file with default values', 'paginates results from a REST API',
    'caches the results of an expensive call', 'generates a random password', 'checks whether a string is a palindrome',
    'groups records by key and sums a field', 'streams a large file line by line', 'rate-limits calls to a function'],
  pandas_task: ['group a dataframe by month and sum sales', 'merge two dataframes on a customer id',
    'fill missing values with the column median', 'pivot a dataframe from long to wide format'],
  ui_task: ['shows a searchable list of users', 'renders a modal dialog with a form', 'displays a paginated table',
    'implements a dark mode toggle'],
  table: ['customers', 'orders', 'employees', 'products', 'invoices', 'sessions'],
  column: ['total revenue', 'order count', 'salary', 'last login date', 'average rating'],
  sql_task: ['find duplicate rows', 'compute a running total per customer', 'delete orphaned rows',
    'rank employees by salary within each department'],
  app: ['a todo app', 'a library management system', 'an online shop', 'a blog platform', 'a booking service'],
  ds: ['a linked list', 'a hash map', 'a binary search tree', 'a min heap', 'an LRU cache', 'a trie'],
  c_issue: ['I free a pointer twice', 'I copy a string into a small buffer', 'I return a pointer to a local array'],
  hw_task: ['blinks an LED every second', 'reads a temperature sensor', 'drives a servo motor'],
  rust_issue: ['I borrow a vector mutably inside a loop', 'I return a reference to a local value',
    'I share a struct between threads'],
  shell_task: ['backs up a directory every night', 'renames all files to lower case', 'finds files larger than 100 MB',
    'monitors disk usage and sends an alert'],
  linux_q: ['which process is using port 8080', 'the disk usage of each folder', 'the last 100 lines of a log'],
  grep_task: ['count the errors per hour in a log file', 'print the second column of a CSV', 'list unique IP addresses'],
  web_thing: ['a pricing table', 'a navigation bar with a dropdown', 'a contact form', 'a photo gallery grid'],
  product: ['a smart water bottle', 'a project management app', 'noise-cancelling headphones', 'an electric bike',
    'a meal-kit subscription', 'an ergonomic office chair'],
  error: ["TypeError: 'NoneType' object is not subscriptable", 'KeyError: user_id', 'ValueError: invalid literal for int()',
    'NullPointerException at line 42', "TypeError: Cannot read properties of undefined (reading 'length')",
    'IndexError: list index out of range'],
  bug_case: ['the input list is empty', 'two items have the same key', 'the date is in a leap year'],
  algo: ['merge sort', 'quicksort', 'binary search', "Dijkstra's algorithm", 'breadth-first search'],
  dp_problem: ['the longest increasing subsequence', 'the minimum number of coins for an amount',
    'the number of ways to climb n stairs', 'the edit distance between two strings'],
  algo_task: ['find the shortest path in a weighted graph', 'detect a cycle in a linked list',
    'find the k largest elements in a stream'],
  service: ['PostgreSQL', 'Redis', 'a message queue'],
  ci_task: ['runs the tests and deploys on merge', 'builds a Docker image and pushes it to a registry',
    'lints the code on every pull request'],
  infra: ['a VPC with two subnets', 'an S3 bucket with versioning', 'a managed database instance'],
  code_snippet: ['def f(a,b):\n  if a==True:\n    return b\n  else:\n    return None',
    'for (var i=0;i<arr.length;i++){ total = total + arr[i]; }', 'if x != None and len(x) > 0 and x[0] != None: y = x[0]'],
  regex_target: ['a valid IPv4 address', 'a UK postcode', 'a date in YYYY-MM-DD format', 'a hex colour code'],
  prog_concept: ['closure', 'race condition', 'dependency injection', 'memory leak', 'callback'],
  git_task: ['undo the last commit', 'squash the last three commits', 'resolve a merge conflict', 'rename a branch'],
};
