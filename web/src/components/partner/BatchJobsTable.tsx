import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BatchJob, batchResultsUrl } from '../../api/partner-console.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { usePurposeLabel } from '../../hooks/use-purpose-label.ts';
import { formatCount, formatInstant } from '../../i18n/format.ts';

/** The partner's latest jobs, newest first, with their figures and the link to each finished job's results. */
export function BatchJobsTable({ jobs }: { jobs: readonly BatchJob[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  const count = (value: number) => formatCount(value, language);
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('partnerConsole.batches.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partnerConsole.batches.id')}</Table.Th>
            <Table.Th scope="col">{t('partnerConsole.batches.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('partnerConsole.batches.purpose')}</Table.Th>
            <Table.Th scope="col">{t('partnerConsole.batches.status')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('partnerConsole.batches.rows')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('partnerConsole.batches.matched')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('partnerConsole.batches.mismatched')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('partnerConsole.batches.unreadable')}
            </Table.Th>
            <Table.Th scope="col">{t('partnerConsole.batches.results')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id}>
              <Table.Th scope="row" fw={400}>
                {job.id}
              </Table.Th>
              <Table.Td>{formatInstant(job.createdAt, language)}</Table.Td>
              <Table.Td>{purposeLabel(job.purpose, job.purpose)}</Table.Td>
              <Table.Td>
                {t(`partnerConsole.batches.statuses.${job.status}`)}
                {job.status === 'running' && ` (${Math.round(job.progress * 100)} %)`}
              </Table.Td>
              <Table.Td ta="end">{count(job.rowsRead)}</Table.Td>
              <Table.Td ta="end">{count(job.rowsMatched)}</Table.Td>
              <Table.Td ta="end">{count(job.rowsMismatched)}</Table.Td>
              <Table.Td ta="end">{count(job.rowsUnreadable)}</Table.Td>
              <Table.Td>
                {job.status === 'done' ? (
                  <Anchor href={batchResultsUrl(job.id)} download={`batch-${job.id}-results.csv`}>
                    {t('partnerConsole.batches.downloadShort', { id: job.id })}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
