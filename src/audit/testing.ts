/** Helpers for the audit module's tests: valid subjects in chosen lanes and entries built from defaults. */
import { generatePersonalId } from '../kernel/index.ts';
import { DEFAULT_LANES, laneOf } from './chain.ts';
import type { AccessEntry } from './model.ts';

/** A repeatable random source (a linear congruential generator), so that tests pick the same subjects. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` distinct valid personal ID numbers whose entries go to `lane` (of 16 by default). */
export function subjectsInLane(lane: number, count: number, lanes = DEFAULT_LANES): string[] {
  const random = seeded(lane + 1);
  const found = new Set<string>();
  while (found.size < count) {
    const id = generatePersonalId(random, { provinceCode: '001', birthYear: 1990, sex: 'female' });
    if (laneOf(id, lanes) === lane) found.add(id);
  }
  return [...found];
}

/** An officer reading a record through the web console, with `overrides`. */
export function accessEntry(subjectId: string, overrides: Partial<AccessEntry> = {}): AccessEntry {
  return {
    actorId: 'officer-7',
    actorKind: 'officer',
    purpose: 'Giải quyết hồ sơ đăng ký thường trú',
    channel: 'web',
    action: 'read',
    subjectId,
    ...overrides,
  };
}
