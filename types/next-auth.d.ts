import 'next-auth';
import 'next-auth/jwt';
import type { Role } from '@/lib/auth/permissions';

declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
  }
}
