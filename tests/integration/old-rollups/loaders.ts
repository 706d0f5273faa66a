// The detection loaders as they were before the compact rollups (SQL over the account_bucket and
// account_template tables), kept as the reference of rollups-equivalence.int.test.ts.
export { loadBands } from './load-bands';
export { loadCoverage } from './load-coverage';
export { loadTemplates } from './load-templates';
