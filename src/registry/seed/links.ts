/** Family-link rows: every link stored in both directions, as the registry keeps them. */
import { type Day, isoOf } from './days.ts';
import type { Member } from './family.ts';
import type { Life } from './life.ts';
import type { RecordContext } from './record-context.ts';
import type { RowSink } from './writer.ts';

/** Every link in both directions: father/mother ↔ child, spouse ↔ spouse, representative ↔ ward. */
export function writeFamilyLinks(
  context: RecordContext,
  members: readonly Member[],
  lives: readonly Life[],
  ids: readonly string[],
  sink: RowSink,
): void {
  const link = (from: number, relation: string, to: number, validFrom: Day, validTo: Day) =>
    sink.add('familyLink', [
      context.next.familyLink++,
      ids[from] as string,
      relation,
      ids[to] as string,
      Number.isNaN(validFrom) ? null : isoOf(validFrom),
      Number.isNaN(validTo) ? null : isoOf(validTo),
      context.recordedAt,
    ]);
  members.forEach((member, i) => {
    for (const [parent, relation] of [
      [member.father, 'father'],
      [member.mother, 'mother'],
    ] as const) {
      if (parent < 0) continue;
      link(i, relation, parent, Number.NaN, Number.NaN);
      link(parent, 'child', i, Number.NaN, Number.NaN);
    }
    if (member.spouse > i) {
      const ended = Math.min(
        Number.isNaN((lives[i] as Life).death) ? Number.POSITIVE_INFINITY : (lives[i] as Life).death,
        Number.isNaN((lives[member.spouse] as Life).death)
          ? Number.POSITIVE_INFINITY
          : (lives[member.spouse] as Life).death,
      );
      const validTo = Number.isFinite(ended) ? ended : Number.NaN;
      link(i, 'spouse', member.spouse, member.marriedOn, validTo);
      link(member.spouse, 'spouse', i, member.marriedOn, validTo);
    }
    const life = lives[i] as Life;
    if (life.representative >= 0) {
      link(i, 'legal_representative', life.representative, life.representedFrom, Number.NaN);
      link(life.representative, 'ward', i, life.representedFrom, Number.NaN);
    }
  });
}
