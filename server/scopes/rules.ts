// What decides, at write time, whether a customer counts as active online: its latest online activity within the
// last `storeOnlineMonths` months of `now()` (HUB_STORE_ONLINE_MONTHS). Store staff receive those customers besides
// their stores' own; the online-activity job (online-activity.ts) moves them out once their activity ages.

export interface ScopeRules {
  storeOnlineMonths: number;
  /** The clock, injectable for tests. */
  now(): Date;
}

export const DEFAULT_STORE_ONLINE_MONTHS = 12;

export function scopeRules(options: { storeOnlineMonths?: number; now?: () => Date } = {}): ScopeRules {
  return {
    storeOnlineMonths: options.storeOnlineMonths ?? DEFAULT_STORE_ONLINE_MONTHS,
    now: options.now ?? (() => new Date()),
  };
}

/** SQL for "the start of the online window" from two parameters: now (timestamptz) and the months (int). */
export function onlineWindowStart(nowParam: string, monthsParam: string): string {
  return `(${nowParam}::timestamptz - make_interval(months => ${monthsParam}::int))`;
}
