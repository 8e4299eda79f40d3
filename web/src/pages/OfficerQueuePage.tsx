import { Anchor, Checkbox, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getQueue } from '../api/agency.ts';
import { QueueTable } from '../components/officer/QueueTable.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { OFFICER_PATH } from '../officer-paths.ts';

/** The states a queue can be narrowed to. */
const QUEUE_STATES = ['pending', 'claimed', 'supplement_requested'] as const;

/** The work queue of the officer's agency and jurisdiction; the filters live in the query string. */
export function OfficerQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const overdue = params.get('overdue') === '1';
  const queue = useAsync(`queue:${state}:${overdue}`, (signal) => getQueue({ state, overdue }, signal));

  const setFilter = (name: 'state' | 'overdue', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1}>{t('queue.title')}</Title>
      <Text>{t('queue.intro')}</Text>
      <Anchor component={Link} to={OFFICER_PATH}>
        {t('queue.toSearch')}
      </Anchor>
      <Group align="flex-end" gap="md" role="group" aria-label={t('queue.filters')}>
        <NativeSelect
          label={t('queue.stateFilter')}
          value={state}
          onChange={(event) => setFilter('state', event.currentTarget.value)}
          data={[
            { value: '', label: t('queue.allStates') },
            ...QUEUE_STATES.map((value) => ({ value, label: t(`dossier.stepStates.${value}`) })),
          ]}
        />
        <Checkbox
          label={t('queue.overdueOnly')}
          checked={overdue}
          onChange={(event) => setFilter('overdue', event.currentTarget.checked ? '1' : '')}
          mb={8}
        />
      </Group>
      {queue.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {queue.kind === 'error' && <ProblemAlert problem={queue.problem} />}
      {queue.kind === 'ok' &&
        (queue.value.items.length === 0 ? <Text>{t('queue.empty')}</Text> : <QueueTable items={queue.value.items} />)}
    </Stack>
  );
}
