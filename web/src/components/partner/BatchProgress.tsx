import { Anchor, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchJob, batchResultsUrl, getBatch } from '../../api/partner-console.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatCount } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** How often a job's progress is asked for while it is queued or running. */
const POLL_MS = 1000;

const finished = (job: BatchJob) => job.status === 'done' || job.status === 'failed';

/**
 * A job's progress as a bar, asked of the server every second until the job is done or failed; then the link
 * to its results file. `onFinished` runs once when it gets there.
 */
export function BatchProgress({ job: initial, onFinished }: { job: BatchJob; onFinished: (job: BatchJob) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [job, setJob] = useState(initial);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const done = finished(job);
  const report = useRef(onFinished);
  report.current = onFinished;
  const reported = useRef(false);

  useEffect(() => {
    if (done) {
      if (!reported.current) report.current(job);
      reported.current = true;
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getBatch(job.id, controller.signal).then(setJob, (error: unknown) => {
        if (!controller.signal.aborted) setProblem(asProblem(error));
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job, done]);

  const percent = Math.round(job.progress * 100);
  const figures = {
    id: job.id,
    processed: formatCount(job.rowsProcessed, language),
    read: formatCount(job.rowsRead, language),
    matched: formatCount(job.rowsMatched, language),
    mismatched: formatCount(job.rowsMismatched, language),
    unreadable: formatCount(job.rowsUnreadable, language),
  };
  return (
    <Stack gap="xs" maw={640}>
      <Text fw={600} role="status">
        {t('partnerConsole.batches.progressStatus', {
          ...figures,
          status: t(`partnerConsole.batches.statuses.${job.status}`),
        })}
      </Text>
      <Progress
        value={percent}
        size="lg"
        color={job.status === 'failed' ? 'red.9' : 'blue.9'}
        aria-label={t('partnerConsole.batches.progressLabel', { id: job.id })}
      />
      <Text fz="sm">{t('partnerConsole.batches.progressRows', figures)}</Text>
      {job.status === 'done' && <Text fz="sm">{t('partnerConsole.batches.outcome', figures)}</Text>}
      {job.status === 'done' && (
        <Anchor href={batchResultsUrl(job.id)} download={`batch-${job.id}-results.csv`}>
          {t('partnerConsole.batches.download', { id: job.id })}
        </Anchor>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </Stack>
  );
}
