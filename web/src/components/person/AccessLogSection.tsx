import { Button, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccessLog } from '../../hooks/use-access-log.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { AccessLogTable } from './AccessLogTable.tsx';
import { RecordSection } from './RecordSection.tsx';

interface AccessLogSectionProps {
  readonly personalId: string;
  /** Changes after each read of the person page, which the history then shows: null until the first. */
  readonly reloadKey: string | null;
}

/** "Who accessed this data": every logged access to the person's data, newest first, page by page. */
export function AccessLogSection({ personalId, reloadKey }: AccessLogSectionProps) {
  const { t } = useTranslation();
  const log = useAccessLog(personalId, reloadKey);
  const { first } = log;
  return (
    <RecordSection id="access-log-title" title={t('person.accessLog.title')}>
      <Text>{t('person.accessLog.intro')}</Text>
      {first.kind === 'loading' && (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden />
          <Text>{t('common.loading')}</Text>
        </Group>
      )}
      {first.kind === 'error' && <ProblemAlert problem={first.problem} />}
      {first.kind === 'ok' &&
        (first.value.items.length === 0 ? (
          <Text>{t('person.accessLog.empty')}</Text>
        ) : (
          <AccessLogTable items={[...first.value.items, ...log.older]} />
        ))}
      {log.moreProblem && <ProblemAlert problem={log.moreProblem} />}
      {first.kind === 'ok' && log.hasMore && (
        <Group>
          <Button variant="default" onClick={log.loadMore} loading={log.loadingMore}>
            {t('person.accessLog.more')}
          </Button>
        </Group>
      )}
    </RecordSection>
  );
}
