import { Anchor, Button, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listProcedures } from '../api/procedures.ts';
import { DOSSIERS_PATH } from '../citizen-paths.ts';
import { ProcedureCard } from '../components/citizen/ProcedureCard.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The procedure catalogue, searched by the server (accents optional); the search lives in `?q=`. */
export function CitizenServicesPage() {
  const { t } = useTranslation();
  usePageTitle(t('services.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const procedures = useAsync(`procedures:${q}`, (signal) => listProcedures(q, signal));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  };

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('services.title')}</Title>
      <Text>{t('services.intro')}</Text>
      <Anchor component={Link} to={DOSSIERS_PATH}>
        {t('citizen.myDossiers')}
      </Anchor>
      <form onSubmit={onSubmit} aria-label={t('services.searchLabel')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('services.search')}
            description={t('services.searchHelp')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit">{t('services.searchSubmit')}</Button>
        </Group>
      </form>
      {procedures.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {procedures.kind === 'error' && <ProblemAlert problem={procedures.problem} />}
      {procedures.kind === 'ok' && (
        <>
          <Text role="status">{t('services.count', { count: procedures.value.items.length })}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {sortGroupsFirst(procedures.value.items).map((procedure) => (
              <ProcedureCard key={procedure.code} procedure={procedure} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** Interlinked groups first: they save the most trips. */
function sortGroupsFirst<T extends { group: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.group) - Number(a.group));
}
