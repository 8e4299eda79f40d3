import { Alert, Button, Input, NativeSelect, Stack, Text } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BatchJob, uploadBatch } from '../../api/partner-console.ts';
import type { Contract } from '../../api/partners.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { usePurposeLabel } from '../../hooks/use-purpose-label.ts';
import { formatCount } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** Refusals of an upload that the console explains itself. */
const EXPLAINED = [
  'BATCH_QUOTA_EXCEEDED',
  'BATCH_HEADER_INVALID',
  'CHECK_TYPE_NOT_ALLOWED',
  'PURPOSE_NOT_ALLOWED',
  'PARTNER_SUSPENDED',
  'CONTRACT_NOT_IN_FORCE',
  'BATCH_TOO_LARGE',
] as const;
type Explained = (typeof EXPLAINED)[number];
const isExplained = (code: string): code is Explained => (EXPLAINED as readonly string[]).includes(code);

/**
 * Sends a CSV file of declarations for one of the contract's purposes. The server reads it as it arrives and
 * answers with the job (or the job of the same file sent before), or refuses it as a whole.
 */
export function BatchUploadForm({
  contract,
  onUploaded,
}: {
  contract: Contract;
  onUploaded: (job: BatchJob, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposeLabel = usePurposeLabel();
  const fileId = useId();
  const [purpose, setPurpose] = useState(contract.purposes[0]?.code ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setMissingFile(true);
      return;
    }
    setSending(true);
    uploadBatch(file, purpose)
      .then(({ job, created }) => onUploaded(job, created))
      .catch((error: unknown) => setProblem(asProblem(error)))
      .finally(() => setSending(false));
  };

  const explain = (refused: ApiProblem) => {
    if (!isExplained(refused.code)) return <ProblemAlert problem={refused} />;
    const { details } = refused;
    const number = (value: unknown) => formatCount(typeof value === 'number' ? value : 0, language);
    return (
      <Alert color="red" variant="light" title={t(`partnerConsole.upload.problems.${refused.code}`)}>
        {refused.code === 'BATCH_QUOTA_EXCEEDED' &&
          t('partnerConsole.upload.quotaDetails', { rows: number(details.rows), remaining: number(details.remaining) })}
      </Alert>
    );
  };

  return (
    <Stack component="form" gap="sm" maw={640} aria-label={t('partnerConsole.upload.formLabel')} onSubmit={submit}>
      <Text fz="sm">{t('partnerConsole.upload.help')}</Text>
      <NativeSelect
        label={t('partnerConsole.upload.purpose')}
        value={purpose}
        onChange={(event) => setPurpose(event.currentTarget.value)}
        data={contract.purposes.map((p) => ({ value: p.code, label: purposeLabel(p.code, p.label) }))}
      />
      <Input.Wrapper
        label={t('partnerConsole.upload.file')}
        description={t('partnerConsole.upload.fileHelp')}
        error={missingFile ? t('partnerConsole.upload.fileMissing') : undefined}
        id={fileId}
      >
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={missingFile}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setMissingFile(false);
          }}
        />
      </Input.Wrapper>
      <Button type="submit" loading={sending} w="fit-content">
        {t('partnerConsole.upload.submit')}
      </Button>
      {problem && explain(problem)}
    </Stack>
  );
}
