import { Alert, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
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
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'OTP_EXPIRED',
  'OTP_TOO_MANY_ATTEMPTS',
  'INTERACTION_NOT_FOUND',
  'INTERACTION_STEP_INVALID',
  'REGISTRATION_MISMATCH',
  'ACCOUNT_EXISTS',
  'PERSON_NOT_ELIGIBLE',
  'REGISTRATION_NOT_FOUND',
  'PASSWORD_TOO_WEAK',
  'PASSWORD_ALREADY_SET',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'OUTSIDE_JURISDICTION',
  'CARD_NOT_VALID',
  'BIOMETRICS_NOT_MATCHED',
  'ACCOUNT_ALREADY_LEVEL2',
  'PHONE_REQUIRED',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_NOT_LOCKED',
  'UNLOCK_NOT_ALLOWED',
  'GUARDIAN_NOT_LEVEL2',
  'NOT_GUARDIAN',
  'CHILD_TOO_OLD',
  'CONSENT_NOT_FOUND',
  'PARTNER_NOT_FOUND',
  'PARTNER_EXISTS',
  'PARTNER_CLIENT_INVALID',
  'PARTNER_STATUS_UNCHANGED',
  'CONTRACT_INVALID',
  'CLIENT_EXISTS',
  'CLIENT_INVALID',
  'CLIENT_NOT_FOUND',
  'PROCEDURE_NOT_FOUND',
  'DOSSIER_NOT_FOUND',
  'FORM_INVALID',
  'LEVEL_TOO_LOW',
  'STEPS_INVALID',
  'NO_SUPPLEMENT_REQUESTED',
  'APPLICANT_NOT_PARENT',
  'PARENT_NOT_IN_REGISTRY',
  'HOUSEHOLD_NOT_OF_PARENT',
  'STEP_NOT_FOUND',
  'STEP_NOT_OPEN',
  'STEP_CLAIMED_BY_ANOTHER',
  'STEP_ALREADY_DECIDED',
  'NOTE_REQUIRED',
] as const;
type KnownCode = (typeof KNOWN)[number];

const LOCK_REASONS = ['holder', 'police', 'guardian', 'deceased'] as const;

function isKnown(code: string): code is KnownCode {
  return (KNOWN as readonly string[]).includes(code);
}

/**
 * The message for a problem in the reader's language, with what its `details` add (tries left, minutes to
 * wait, why an account is locked); null for a code the app does not explain itself.
 */
export function problemMessage(problem: ApiProblem, t: TFunction): string | null {
  const { details } = problem;
  switch (problem.code) {
    case 'SIGN_IN_THROTTLED': {
      const seconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 900;
      return t('problems.SIGN_IN_THROTTLED', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'ACCOUNT_LOCKED': {
      const reason = LOCK_REASONS.find((known) => known === details.reason);
      return reason ? t(`problems.accountLocked.${reason}`) : t('problems.ACCOUNT_LOCKED');
    }
    case 'OTP_INVALID':
      return typeof details.attemptsLeft === 'number'
        ? t('problems.otpAttemptsLeft', { count: details.attemptsLeft })
        : t('problems.OTP_INVALID');
    default:
      return isKnown(problem.code) ? t(`problems.${problem.code}`) : null;
  }
}

/**
 * A problem the API answered: a friendly Vietnamese or English message for the common codes, otherwise
 * the problem's own title and detail; and the request id to quote when reporting it.
 */
export function ProblemAlert({ problem }: { problem: ApiProblem }) {
  const { t } = useTranslation();
  const message = problemMessage(problem, t);
  return (
    <Alert color="red" variant="light" title={message ?? problem.title}>
      {message === null && problem.detail && <Text fz="sm">{problem.detail}</Text>}
      {problem.requestId && (
        <Text fz="xs" c="dimmed" mt={message !== null ? 0 : 'xs'}>
          {t('problems.requestId', { requestId: problem.requestId })}
        </Text>
      )}
    </Alert>
  );
}
