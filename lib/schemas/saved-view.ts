import { z } from 'zod';

export const SAVED_VIEW_PAGES = ['accounts'] as const;

export const ZSavedViewCreate = z.object({
  page: z.enum(SAVED_VIEW_PAGES).default('accounts'),
  name: z.string().trim().min(1, 'is required').max(80),
  // The table's URL search string; re-canonicalised on the server through the page's own parser.
  query: z.string().max(2000),
});
export type TSavedViewCreate = z.infer<typeof ZSavedViewCreate>;

export const ZSavedViewList = z.object({ page: z.enum(SAVED_VIEW_PAGES).default('accounts') });

export interface SavedViewDto {
  id: string;
  page: string;
  name: string;
  query: string;
  updated_at: string;
}
