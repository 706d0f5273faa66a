// Annotation limits, without zod: the account page's forms import these, and importing them from
// ./annotation.ts would put zod (~30 kB gzip) into that page's first load. The schemas there use
// the same constants.
export const COMMENT_MAX = 4000;
export const TAG_MAX = 40;
/** Active annotations one author may keep on one account (stars, tags and comments together). */
export const ANNOTATIONS_PER_ACCOUNT_MAX = 200;
