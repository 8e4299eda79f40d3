import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  confirmRegistration,
  type RegistrationRequest,
  type RegistrationStarted,
  startRegistration,
} from '../api/accounts.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { DevInboxNote } from '../components/eid/DevInboxNote.tsx';
import { NewPasswordFields, passwordLooksStrong } from '../components/eid/NewPasswordFields.tsx';
import { RegistrationDetailsForm } from '../components/eid/RegistrationDetailsForm.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';

type Step =
  | { readonly kind: 'details' }
  | { readonly kind: 'code'; readonly started: RegistrationStarted }
  | { readonly kind: 'password'; readonly started: RegistrationStarted; readonly code: string }
  | { readonly kind: 'done' };

const STEP_NUMBER = { details: 1, code: 2, password: 3, done: 4 } as const;
/** Problems that send the citizen back to the code step, or to the start. */
const CODE_PROBLEMS = new Set(['OTP_INVALID', 'OTP_EXPIRED', 'OTP_TOO_MANY_ATTEMPTS']);

/**
 * Level-1 registration (Decree 69/2024, Art. 12): the details matched with the registry, then the code sent to
 * the phone, then the password; the account exists from the last step.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('register.title'));
  const [step, setStep] = useState<Step>({ kind: 'details' });
  const [request, setRequest] = useState<RegistrationRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const go = (next: Step, nextProblem: ApiProblem | null = null) => {
    setStep(next);
    setProblem(nextProblem);
    setBusy(false);
  };

  const onDetails = async (details: RegistrationRequest) => {
    setRequest(details);
    setProblem(null);
    setBusy(true);
    try {
      go({ kind: 'code', started: await startRegistration(details) });
    } catch (error) {
      go({ kind: 'details' }, asProblem(error));
    }
  };

  const onPassword = async (started: RegistrationStarted, code: string, password: string) => {
    setProblem(null);
    setBusy(true);
    try {
      await confirmRegistration(started.registrationId, code, password);
      go({ kind: 'done' });
    } catch (error) {
      const found = asProblem(error);
      if (CODE_PROBLEMS.has(found.code)) go({ kind: 'code', started }, found);
      else if (found.code === 'REGISTRATION_NOT_FOUND') go({ kind: 'details' }, found);
      else go({ kind: 'password', started, code }, found);
    }
  };

  const stepName = t(`register.steps.${step.kind}`);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('register.title')}</Title>
      {step.kind === 'details' && <Text>{t('register.intro')}</Text>}
      <Title order={2} fz="h3">
        {t('register.stepOf', { step: STEP_NUMBER[step.kind], name: stepName })}
      </Title>
      {problem && <ProblemAlert problem={problem} />}
      {step.kind === 'details' && <RegistrationDetailsForm initial={request} busy={busy} onSubmit={onDetails} />}
      {step.kind === 'code' && (
        <CodeStep
          started={step.started}
          onCode={(code) => go({ kind: 'password', started: step.started, code })}
          onBack={() => go({ kind: 'details' })}
        />
      )}
      {step.kind === 'password' && (
        <PasswordStep
          busy={busy}
          onPassword={(password) => onPassword(step.started, step.code, password)}
          onBack={() => go({ kind: 'code', started: step.started })}
        />
      )}
      {step.kind === 'done' && (
        <Stack gap="sm">
          <Alert variant="light" color="green" title={t('register.doneTitle')} role="status">
            {t('register.done')}
          </Alert>
          <div>
            <Button component={Link} to="/sign-in">
              {t('register.signIn')}
            </Button>
          </div>
        </Stack>
      )}
    </Stack>
  );
}

function CodeStep(props: { started: RegistrationStarted; onCode: (code: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = code.trim();
    setInvalid(!/^\d{6}$/.test(trimmed));
    if (/^\d{6}$/.test(trimmed)) props.onCode(trimmed);
  };
  return (
    <Stack gap="sm">
      <Text>{t('register.codeSent', { sentTo: props.started.sentTo })}</Text>
      <DevInboxNote />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('register.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={invalid ? t('register.invalid.code') : null}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
          />
          <Group>
            <Button type="submit">{t('register.next')}</Button>
            <Button variant="default" onClick={props.onBack}>
              {t('register.back')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function PasswordStep(props: { busy: boolean; onPassword: (password: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password: boolean; repeat: boolean }>({ password: false, repeat: false });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { password: !passwordLooksStrong(password), repeat: password !== repeat };
    setErrors(next);
    if (!next.password && !next.repeat) props.onPassword(password);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          passwordLabel={t('register.password')}
          repeatLabel={t('register.passwordRepeat')}
          passwordError={errors.password ? t('register.invalid.password') : null}
          repeatError={errors.repeat ? t('register.invalid.passwordRepeat') : null}
        />
        <Group>
          <Button type="submit" loading={props.busy}>
            {t('register.create')}
          </Button>
          <Button variant="default" onClick={props.onBack} disabled={props.busy}>
            {t('register.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
