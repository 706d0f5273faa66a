import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

// Zod schemas of the audit payloads (`before` / `after`) the catalogue in ./actions.ts names.
// They describe what the log stores, i.e. the payload after its JSON round trip (dates are ISO
// strings). Objects are strict: a key a call site adds without saying so here fails writeAudit in
// the tests, so the custody log and reports never meet a shape nobody declared. lib/audit sits
// below the features, so feature types are restated here, not imported (lib/schemas is fine).

export const count = z.number().int().min(0);
export const iso = z.iso.datetime({ offset: true });
export const ip = z.string().max(64).nullable();
export const role = z.enum(ROLES);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const userId = z.string().min(1);

export const ZNoPayload = z.null();
