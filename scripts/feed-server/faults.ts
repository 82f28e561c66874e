// Fault injection for /v1/changes, drawn from a seeded stream so a failing test replays the same faults.
import { DATASET_END, iso } from './activity';
import { createRandom, type Random } from './random';

export interface FaultSettings {
  latencyMs?: number;
  error500?: number;
  rate429?: number;
  retryAfterSeconds?: number;
  truncated?: number;
  drop?: number;
  invalid?: number;
  seed?: string;
}

export type FaultKind = 'none' | 'error500' | 'rate429' | 'drop' | 'truncated';

export interface FaultDraw {
  latencyMs: number;
  kind: FaultKind;
  retryAfterSeconds: number;
  /** Invalid records to mix into the page (0 most of the time). */
  invalidRecords: unknown[];
}

const rates = ['error500', 'rate429', 'truncated', 'drop', 'invalid'] as const;

/** Validates a POST /__control/faults body; returns an error message or the settings. */
export function parseFaultSettings(body: Record<string, unknown>): FaultSettings | string {
  const settings: FaultSettings = {};
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (key === 'seed') {
      if (typeof value !== 'string') return 'seed must be a string';
      settings.seed = value;
    } else if ((rates as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return `${key} must be a probability in [0, 1]`;
      settings[key as (typeof rates)[number]] = value;
    } else if (key === 'latencyMs' || key === 'retryAfterSeconds') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 600_000) {
        return `${key} must be a non-negative number`;
      }
      settings[key] = value;
    } else {
      return `unknown fault "${key}"`;
    }
  }
  return settings;
}

export class Faults {
  private settings: FaultSettings = {};
  private random: Random = createRandom('faults');
  private invalidSerial = 0;

  /** Replaces every fault setting: `{}` turns all faults off. */
  set(settings: FaultSettings): FaultSettings {
    this.settings = { ...settings };
    this.random = createRandom('faults', settings.seed ?? 'faults');
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  /** One draw per /v1/changes request; always consumes five random values, so runs replay exactly. */
  draw(): FaultDraw {
    const s = this.settings;
    const roll = () => this.random.next();
    const rolls = { error500: roll(), rate429: roll(), drop: roll(), truncated: roll(), invalid: roll() };
    let kind: FaultKind = 'none';
    if (rolls.error500 < (s.error500 ?? 0)) kind = 'error500';
    else if (rolls.rate429 < (s.rate429 ?? 0)) kind = 'rate429';
    else if (rolls.drop < (s.drop ?? 0)) kind = 'drop';
    else if (rolls.truncated < (s.truncated ?? 0)) kind = 'truncated';
    const invalidRate = s.invalid ?? 0;
    // The same roll decides whether and how many (1–3): below the rate, its position within it picks the count.
    const invalidCount = rolls.invalid < invalidRate ? 1 + Math.floor((rolls.invalid / invalidRate) * 3) : 0;
    return {
      latencyMs: s.latencyMs ?? 0,
      kind,
      retryAfterSeconds: s.retryAfterSeconds ?? 1,
      invalidRecords: Array.from({ length: invalidCount }, () => this.invalidRecord()),
    };
  }

  /** Inserts invalid records at pseudo-random positions among a page's changes. */
  mixIn(changes: readonly unknown[], extra: readonly unknown[]): unknown[] {
    const result = changes.slice();
    for (const record of extra) result.splice(this.random.int(0, result.length), 0, record);
    return result;
  }

  /** A record that breaks the schema in one way; ids start with invalid_ so tests can tell them from real ones. */
  private invalidRecord(): unknown {
    const serial = this.invalidSerial++;
    const id = `invalid_${String(serial).padStart(5, '0')}`;
    const updatedAt = iso(DATASET_END - serial * 60_000);
    switch (serial % 4) {
      case 0:
        return { id, version: 'abc', updatedAt };
      case 1:
        return { id, version: 1, updatedAt: 'hier à 14h' };
      case 2:
        return { version: 1, updatedAt, name: { given: 'Sans', family: 'Identifiant' } };
      default:
        return { id, version: 2, updatedAt, phones: '06 00 00 00 00' };
    }
  }
}
