import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PersonSearch } from '../api/registry.ts';
import { PersonSearchForm } from '../components/officer/PersonSearchForm.tsx';
import { SearchResults } from '../components/officer/SearchResults.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { queryFromSearch, usePersonSearch } from '../hooks/use-person-search.ts';
import { ACTIVATION_PATH, QUEUE_PATH } from '../officer-paths.ts';

/** Find people by name, date of birth and commune. The search lives in the query string. */
export function OfficerSearchPage() {
  const { t } = useTranslation();
  usePageTitle(t('search.title'));
  const navigate = useNavigate();
  const { search, results } = usePersonSearch();
  const onSearch = (next: PersonSearch) => void navigate({ search: `?${queryFromSearch(next)}` });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap="xs">
        <Title order={1}>{t('search.title')}</Title>
        <Text>{t('search.intro')}</Text>
        <Group gap="lg" component="nav" aria-label={t('officer.consoleNav')}>
          <Anchor component={Link} to={QUEUE_PATH}>
            {t('queue.link')}
          </Anchor>
          <Anchor component={Link} to={ACTIVATION_PATH}>
            {t('activation.link')}
          </Anchor>
        </Group>
      </Stack>
      <PersonSearchForm initial={search} onSearch={onSearch} />
      {search && <SearchResults search={search} results={results} />}
    </Stack>
  );
}
