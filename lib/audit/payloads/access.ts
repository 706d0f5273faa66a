import { z } from 'zod';
import { role } from './common';

// ---------------------------------------------------------------- refused requests
/** A signed-in user asked a route for something their role may not do (answered 403). */
export const ZAccessDenied = z.strictObject({
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().min(1).max(500),
  permission: z.string().min(1),
  role,
  /** refusals of this user counted but not recorded in the previous window (rate limit) */
  suppressed_before: z.number().int().positive().optional(),
  /** this row reached the rate limit: further refusals in its window are counted only */
  suppressing: z
    .strictObject({ max: z.number().int().positive(), window_seconds: z.number().int().positive() })
    .optional(),
});
