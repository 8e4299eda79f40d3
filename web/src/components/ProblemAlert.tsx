import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem.ts';

/** Problems people meet in the normal course of work, explained in their language. */
const KNOWN = [
  'SEARCH_TOO_BROAD',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'PERSON_NOT_FOUND',
  'AS_OF_BEFORE_BIRTH',
  'INVALID_PERSONAL_ID',
  'INVALID_DATE',
  'INVALID_CURSOR',
  'ADMIN_UNIT_NOT_FOUND',
  'NETWORK_ERROR',
] as const;
type KnownCode = (typeof KNOWN)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN as readonly string[]).includes(code);
}

/**
 * A problem the API answered: a friendly Vietnamese or English message for the common codes, otherwise
 * the problem's own title and detail; and the request id to quote when reporting it.
 */
export function ProblemAlert({ problem }: { problem: ApiProblem }) {
  const { t } = useTranslation();
  const known = isKnown(problem.code);
  return (
    <Alert color="red" variant="light" title={known ? t(`problems.${problem.code}`) : problem.title}>
      {!known && problem.detail && <Text fz="sm">{problem.detail}</Text>}
      {problem.requestId && (
        <Text fz="xs" c="dimmed" mt={known ? 0 : 'xs'}>
          {t('problems.requestId', { requestId: problem.requestId })}
        </Text>
      )}
    </Alert>
  );
}
