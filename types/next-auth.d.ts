import 'next-auth';
import 'next-auth/jwt';
import type { Role } from '@/lib/auth/permissions';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
    sessionVersion?: number;
  }
  interface Session {
    // sv and sid: see lib/auth/sessions.ts (checked against the database on every request).
    user: { id: string; email: string; name: string; role: Role; sv?: number; sid?: string };
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    sid?: string;
  }
}
