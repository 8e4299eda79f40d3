import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSearch } from '../../api/registry.ts';
import type { PersonPage } from '../../api/registry-model.ts';
import type { AsyncState } from '../../hooks/use-async.ts';
import { queryFromSearch } from '../../hooks/use-person-search.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { PersonResultsTable } from './PersonResultsTable.tsx';

interface SearchResultsProps {
  readonly search: PersonSearch;
  readonly results: AsyncState<PersonPage>;
}

/**
 * The results of the URL's search, with keyset paging: "next page" is a link to the same search after the
 * last row shown, so back and forward move between pages. Turning a page moves focus to the heading.
 */
export function SearchResults({ search, results }: SearchResultsProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const firstPage = useRef(search.after);

  useEffect(() => {
    if (firstPage.current === search.after) return;
    firstPage.current = search.after;
    heading.current?.focus();
  }, [search.after]);

  const nextPage = (after: string) => `?${queryFromSearch({ ...search, after })}`;
  const firstPageLink = `?${queryFromSearch({ ...search, after: undefined })}`;

  return (
    <Stack component="section" aria-labelledby="results-title" gap="sm">
      <Title order={2} id="results-title" ref={heading} tabIndex={-1}>
        {t('search.results.title')}
      </Title>
      <div role="status">
        {results.kind === 'loading' && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text>{t('common.loading')}</Text>
          </Group>
        )}
        {results.kind === 'ok' && (
          <Text>
            {results.value.items.length === 0
              ? t('search.results.empty')
              : t('search.results.count', { count: results.value.items.length })}
          </Text>
        )}
      </div>
      {results.kind === 'error' && <ProblemAlert problem={results.problem} />}
      {results.kind === 'ok' && results.value.items.length > 0 && (
        <>
          <PersonResultsTable people={results.value.items} />
          <Group component="nav" aria-label={t('search.results.paging')}>
            {search.after && (
              <Anchor component={Link} to={firstPageLink}>
                {t('search.results.firstPage')}
              </Anchor>
            )}
            {results.value.next && (
              <Anchor component={Link} to={nextPage(results.value.next)}>
                {t('search.results.nextPage')}
              </Anchor>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
