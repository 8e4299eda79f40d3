import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/me.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { NewPasswordFields, passwordLooksStrong } from '../eid/NewPasswordFields.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/** Change the password: the current one, and the new one twice. */
export function PasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState({ current: false, next: false, repeat: false });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    setProblem(null);
    const found = { current: current === '', next: !passwordLooksStrong(next), repeat: next !== repeat };
    setErrors(found);
    if (found.current || found.next || found.repeat) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  return (
    <RecordSection id="account-password" title={t('account.password.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            label={t('account.password.current')}
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={errors.current ? t('account.password.missing') : null}
            required
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': t('account.password.show') }}
          />
          <NewPasswordFields
            password={next}
            repeat={repeat}
            onPassword={setNext}
            onRepeat={setRepeat}
            passwordLabel={t('account.password.next')}
            repeatLabel={t('account.password.repeat')}
            passwordError={errors.next ? t('register.invalid.password') : null}
            repeatError={errors.repeat ? t('account.password.mismatch') : null}
          />
          {problem && <ProblemAlert problem={problem} />}
          {done && (
            <Alert variant="light" color="green" role="status">
              {t('account.password.done')}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={busy}>
              {t('account.password.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </RecordSection>
  );
}
