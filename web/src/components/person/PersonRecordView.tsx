import { Stack } from '@mantine/core';
import type { PersonRecord } from '../../api/registry-model.ts';
import { CardsSection } from './CardsSection.tsx';
import { EventsSection } from './EventsSection.tsx';
import { FamilySection } from './FamilySection.tsx';
import { HouseholdSection } from './HouseholdSection.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { ResidenceSection } from './ResidenceSection.tsx';

/** The sections of the person page, as the record stood on its `asOf`. */
export function PersonRecordView({ record }: { record: PersonRecord }) {
  const { asOf, person } = record;
  return (
    <Stack gap="xl">
      <IdentitySection person={person} asOf={asOf} />
      <FamilySection family={record.family} asOf={asOf} />
      <HouseholdSection household={record.household} personalId={person.personalId} asOf={asOf} />
      <ResidenceSection residences={record.residences} asOf={asOf} />
      <CardsSection cards={record.cards} asOf={asOf} />
      <EventsSection events={record.events} asOf={asOf} />
    </Stack>
  );
}
