import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSearch } from '../../api/registry.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { CommuneSelect } from './CommuneSelect.tsx';

interface PersonSearchFormProps {
  /** The search shown when the form opens (the URL's), if any. */
  readonly initial: PersonSearch | null;
  readonly onSearch: (search: PersonSearch) => void;
}

/**
 * Name (required), date of birth and commune of permanent residence. When the URL's search changes under
 * it (back, forward), the fields follow; submitting leaves them, and the focus, where they are.
 */
export function PersonSearchForm({ initial, onSearch }: PersonSearchFormProps) {
  const { t } = useTranslation();
  const initialName = initial?.name ?? '';
  const initialBirthDate = initial?.birthDate ?? '';
  const initialCommuneId = initial?.communeId ?? null;
  const [name, setName] = useState(initialName);
  const [birthDate, setBirthDate] = useState(initialBirthDate);
  const [communeId, setCommuneId] = useState<string | null>(initialCommuneId);
  const [nameError, setNameError] = useState<string | null>(null);

  useEffect(() => {
    setName(initialName);
    setBirthDate(initialBirthDate);
    setCommuneId(initialCommuneId);
  }, [initialName, initialBirthDate, initialCommuneId]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError(t('search.nameMissing'));
      return;
    }
    setNameError(null);
    onSearch({ name: trimmed, birthDate: birthDate || undefined, communeId: communeId ?? undefined });
  };

  return (
    <search aria-label={t('search.formLabel')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <TextInput
              label={t('search.name')}
              description={t('search.nameHelp')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={nameError}
              required
              autoComplete="off"
            />
            <TextInput
              type="date"
              label={t('search.birthDate')}
              description={t('search.birthDateHelp')}
              value={birthDate}
              max={todayInVietnam()}
              onChange={(event) => setBirthDate(event.currentTarget.value)}
            />
            <CommuneSelect value={communeId} onChange={setCommuneId} />
          </SimpleGrid>
          <Group>
            <Button type="submit">{t('search.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </search>
  );
}
