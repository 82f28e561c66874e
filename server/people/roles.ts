import { z } from 'zod';

export const roleSchema = z.enum(['agent', 'store', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const ALL_ROLES: readonly Role[] = roleSchema.options;
