import { Alert, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { beginTotp, confirmTotp } from '../../api/me.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/**
 * Enrols an authenticator app: the server makes a secret, shown as text and as its `otpauth://` URI (to paste
 * or type into the app); a code from the app confirms it.
 */
export function TotpSection({ enabled, onChanged }: { enabled: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onBegin = async () => {
    setProblem(null);
    setBusy(true);
    try {
      setEnrolment(await beginTotp());
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  const onConfirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!enrolment) return;
    setProblem(null);
    const trimmed = code.trim();
    setInvalid(!/^\d{6}$/.test(trimmed));
    if (!/^\d{6}$/.test(trimmed)) return;
    setBusy(true);
    try {
      await confirmTotp(enrolment.secret, trimmed);
      setEnrolment(null);
      onChanged();
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  return (
    <RecordSection id="account-totp" title={t('account.totp.title')}>
      <Text>{t('account.totp.intro')}</Text>
      {enabled ? (
        <Alert variant="light" color="green" role="status">
          {t('account.totp.enabled')}
        </Alert>
      ) : enrolment ? (
        <form onSubmit={onConfirm} noValidate>
          <Stack gap="sm">
            <Text>{t('account.totp.instructions')}</Text>
            <Text fw={500}>{t('account.totp.secret')}</Text>
            <Code block>{enrolment.secret}</Code>
            <Text fw={500}>{t('account.totp.uri')}</Text>
            <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {enrolment.uri}
            </Code>
            <TextInput
              label={t('account.totp.code')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={invalid ? t('account.totp.codeFormat') : null}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              maw={240}
              required
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('account.totp.confirm')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : (
        <div>
          <Button variant="default" onClick={onBegin} loading={busy}>
            {t('account.totp.begin')}
          </Button>
        </div>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </RecordSection>
  );
}
