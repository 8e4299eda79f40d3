import { Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchJob, listBatches } from '../api/partner-console.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { BatchJobsTable } from '../components/partner/BatchJobsTable.tsx';
import { BatchProgress } from '../components/partner/BatchProgress.tsx';
import { BatchUploadForm } from '../components/partner/BatchUploadForm.tsx';
import { QuotaMeter } from '../components/partner/QuotaMeter.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePartnerConsole } from '../hooks/use-partner-console.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';

/**
 * Batch verification: send a CSV file, follow its progress until it is done, download its results; the list of
 * the partner's latest jobs; the month's quota, which a file's rows count against from its upload.
 */
export function PartnerBatchesPage() {
  const { t } = useTranslation();
  const { contract: own, reload: reloadContract } = usePartnerConsole();
  const jobs = useReloadable('partner-batches', (signal) => listBatches(signal));
  const [current, setCurrent] = useState<{ job: BatchJob; created: boolean } | null>(null);
  const title = t('partnerConsole.batches.title');
  usePageTitle(title);
  // A new job reserves rows of the quota, a finished one turns them into checks: both change the figures.
  const refresh = () => {
    jobs.reload();
    reloadContract();
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      {own.quota && (
        <RecordSection id="batches-quota" title={t('partnerConsole.quota.title')}>
          <QuotaMeter quota={own.quota} />
        </RecordSection>
      )}
      <RecordSection id="batches-upload" title={t('partnerConsole.upload.title')}>
        {own.contract ? (
          <BatchUploadForm
            contract={own.contract}
            onUploaded={(job, created) => {
              setCurrent({ job, created });
              refresh();
            }}
          />
        ) : (
          <Text>{t('partnerConsole.overview.noContract')}</Text>
        )}
      </RecordSection>
      {current && (
        <RecordSection id="batches-current" title={t('partnerConsole.batches.current', { id: current.job.id })}>
          {!current.created && <Text>{t('partnerConsole.batches.sameFile')}</Text>}
          <BatchProgress key={current.job.id} job={current.job} onFinished={refresh} />
        </RecordSection>
      )}
      <RecordSection id="batches-list" title={t('partnerConsole.batches.list')}>
        {jobs.state.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
        {jobs.state.kind === 'error' && <ProblemAlert problem={jobs.state.problem} />}
        {jobs.state.kind === 'ok' &&
          (jobs.state.value.items.length === 0 ? (
            <Text>{t('partnerConsole.batches.none')}</Text>
          ) : (
            <BatchJobsTable jobs={jobs.state.value.items} />
          ))}
      </RecordSection>
    </Stack>
  );
}
