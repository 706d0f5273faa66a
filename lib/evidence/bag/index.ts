// The evidence bag's public face for export jobs, routes and the CLI (PLAN: shared names).
export { buildEvidenceBag } from './build';
export { verifyBag, verifyMaxBytes } from '../verify/verify-bag';
export type { BagVerification } from '../verify/verify-bag';
export { getSigningPublicKey } from '../signing/key-store';
export type * from '../types';
export { scopeOfCase } from './case-scope';
