// Every site adapter. Adding one: a file beside this one, a line here, a fixture and a test (see README).
import type { SiteAdapter } from './types';

export const adapters: readonly SiteAdapter[] = [];
