// Standing text of the report. Kept here (not in the renderer) so reviewers can read and change
// the wording in one place.

export const DATA_SOURCES = [
  {
    name: 'API request events',
    description:
      'One record per model API request as received by ingest: account, API key, time, model, ' +
      'network origin, token counts, finish reason, and the prompt and response text (or their ' +
      'SHA-256 when text storage is off). The natives in data/natives/ are these records.',
  },
  {
    name: 'Account registry',
    description:
      'Sign-up time, email domain, tier, country, verification state and payment fingerprint as ' +
      'loaded from the account export.',
  },
  {
    name: 'Detection output',
    description:
      'Per-account signals, risk scores and clusters of linked accounts computed by the detection ' +
      'run named in the method section, from daily rollups of the events above.',
  },
];

export const ALTERNATIVES = [
  'Legitimate evaluation or benchmarking: a team measuring model quality also sends broad, ' +
    'templated prompts. Counter-indicators: declared evaluation agreements, small volume, no ' +
    'response harvesting.',
  'A product built on the API (e.g. a tutoring or coding tool) whose own users cover many topics. ' +
    'Counter-indicators: human timing, conversation turns, varied system prompts per end user.',
  'Shared infrastructure by coincidence (a large cloud provider, a corporate proxy, a webmail ' +
    'domain): detection gives no weight to indicators shared by very many accounts.',
];

export const DECLARATION =
  'I declare that this package was produced by the system described in the method section from ' +
  'records kept in the ordinary course of business; that the files listed in the exhibit list are ' +
  'those the system produced, identified by their SHA-256 digests; and that the custody log ' +
  'records every action taken on the case and on this export up to its build.';

export function limitationsOf(o: {
  accounts: number;
  shown: number;
  fields: 'full' | 'hashes';
  redact: boolean;
  events: number;
  cutoffAt: string;
}): string[] {
  const out = [
    'Risk scores are statistical indicators of distillation-like use, not findings of intent; ' +
      'each threshold trades missed cases against false alarms.',
    'Volume and coverage charts and the event counts and dates of each finding count the events ' +
      `of this package's natives: read in the same database snapshot, with the same scope and the ` +
      `same data cut-off (${o.cutoffAt}); days are UTC calendar days.`,
    'Risk scores, reasons, signal values and the benign coverage band come from the detection ' +
      'results stored when this report was built (the database keeps only the latest run); they ' +
      'may be newer than the cut-off. Thresholds and weights are those of the detection run ' +
      'named in the method section, the last one finished before the cut-off.',
  ];
  if (o.shown < o.accounts)
    out.push(
      `${o.accounts} accounts are in scope; the ${o.shown} with the case's own links and highest ` +
        'risk have a findings page, every account is in the natives and the load file.',
    );
  if (o.fields === 'hashes')
    out.push('Prompt and response text are not included: natives carry their SHA-256 only.');
  if (!o.redact && o.fields === 'full')
    out.push('Third-party personal data in prompts was NOT redacted for this export.');
  if (o.events === 0) out.push('No events fall inside the scope and time range of this export.');
  return out;
}
