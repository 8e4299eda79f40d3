import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resendCode, type SecondFactorMethod, submitSecondFactor } from '../../api/interaction.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

interface SecondFactorFormProps {
  readonly uid: string;
  readonly method: SecondFactorMethod;
  /** The masked phone an SMS code went to, when known. */
  readonly sentTo: string | undefined;
  readonly onDone: (redirectTo: string) => void;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
}

const CODE = /^\d{6}$/;

/** The second factor of a level-2 sign-in: a code by SMS (which can be sent again) or from an authenticator app. */
export function SecondFactorForm({ uid, method, sentTo, onDone, onCancel, cancelling }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [formatError, setFormatError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [resentTo, setResentTo] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const trimmed = code.trim();
    if (!CODE.test(trimmed)) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    setBusy(true);
    try {
      onDone((await submitSecondFactor(uid, trimmed)).redirectTo);
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  const onResend = async () => {
    setProblem(null);
    try {
      setResentTo((await resendCode(uid)).sentTo);
      setCode('');
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  const explanation =
    method === 'totp'
      ? t('interaction.totp')
      : sentTo
        ? t('interaction.smsSent', { sentTo })
        : t('interaction.smsSentNoNumber');

  return (
    <Stack gap="sm">
      <Title order={2}>{t('interaction.secondFactorTitle')}</Title>
      <Text>{explanation}</Text>
      {resentTo && (
        <Alert variant="light" color="blue" role="status">
          {t('interaction.resent', { sentTo: resentTo })}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('interaction.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={formatError ? t('interaction.codeFormat') : null}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          {problem && <ProblemAlert problem={problem} />}
          <Group>
            <Button type="submit" loading={busy}>
              {t('interaction.confirm')}
            </Button>
            {method === 'sms' && (
              <Button variant="default" onClick={onResend} disabled={busy}>
                {t('interaction.resend')}
              </Button>
            )}
            <Button variant="subtle" onClick={onCancel} loading={cancelling} disabled={busy}>
              {t('interaction.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
