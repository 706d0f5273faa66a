/** Prompt templates per coding bucket of taxonomy v1 (slots in slots.ts). */
export const CODING_TEMPLATES: Record<string, readonly string[]> = {
  'coding/python': [
    'Write a Python function that {task}.',
    'How can I use pandas to {pandas_task}?',
    'Write a Python script that {task}, with type hints and a pytest test.',
    'Convert this Python loop into a list comprehension: for x in items: if x > {n2}: out.append(x * {d})',
  ],
  'coding/javascript': [
    'Write a JavaScript function that {task}.',
    'In TypeScript, how do I type a function that {task}?',
    'Create a React component that {ui_task}.',
    'Write a Node.js script that {task} using async/await.',
  ],
  'coding/sql': [
    'Write a SQL query that returns the top {n2} {table} by {column}.',
    'How do I write a PostgreSQL query to {sql_task}?',
    'Explain the difference between INNER JOIN and LEFT JOIN using the {table} table in SQL.',
    'Design a database schema with primary key and foreign key constraints for {app}.',
  ],
  'coding/jvm-dotnet': [
    'Write a Java method that {task}.',
    'Implement a Kotlin data class and a function that {task}.',
    'In C#, write a method that {task} using LINQ.',
    'Set up a Spring Boot REST controller in Java for {app}.',
  ],
  'coding/c-cpp': [
    'Write a C++ function that {task}.',
    'Implement {ds} in C with malloc and free, handling pointers carefully.',
    'Why does my C code give a segmentation fault when {c_issue}?',
    'Write an Arduino sketch that {hw_task}.',
  ],
  'coding/rust-go': [
    'Write a Rust function that {task}.',
    'Explain the borrow checker error I get in Rust when {rust_issue}.',
    'Write a Go program that {task} using goroutines.',
    'Implement {ds} in Golang with tests.',
  ],
  'coding/shell': [
    'Write a bash script that {shell_task}.',
    'What Linux command shows {linux_q}?',
    'Write a PowerShell script that {shell_task}.',
    'Give me a one-line shell command with grep and awk to {grep_task}.',
  ],
  'coding/web': [
    'Write HTML and CSS for {web_thing}.',
    'How do I make {web_thing} responsive with CSS flexbox?',
    'Create a landing page in HTML with Tailwind CSS for {product}.',
  ],
  'coding/debugging': [
    'I get this error: {error}. How do I fix this bug?',
    'My code crashes with a traceback: {error}. What is wrong and how do I debug it?',
    'Debug this: my function gives the wrong output when {bug_case}.',
    'Why does my test fail with the exception {error}?',
  ],
  'coding/algorithms': [
    'Explain the time complexity of {algo} and implement it.',
    'Solve this LeetCode problem with dynamic programming: {dp_problem}.',
    'Implement {ds} and give the big O complexity of each operation.',
    'What is the best algorithm to {algo_task}?',
  ],
  'coding/devops': [
    'Write a Dockerfile for {app} and a docker-compose file with {service}.',
    'Write a Kubernetes deployment and service manifest for {app}.',
    'Create a GitHub Actions CI/CD pipeline that {ci_task}.',
    'Write Terraform to provision {infra} on AWS.',
  ],
  'coding/code-review': [
    'Review this code and suggest refactoring for readability:\n{code_snippet}',
    'Refactor this code to remove the code smell:\n{code_snippet}',
    'Do a code review of this snippet and improve this code:\n{code_snippet}',
  ],
  'coding/general': [
    'Write a program that {task}.',
    'Write a regular expression that matches {regex_target}.',
    'Explain what a {prog_concept} is in programming, with a code example.',
    'How do I {git_task} with git?',
  ],
};
