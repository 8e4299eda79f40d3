import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InteractionStep, submitPassword } from '../../api/interaction.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

interface SignInFormProps {
  readonly uid: string;
  readonly onStep: (step: InteractionStep) => void;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
}

/** The first factor: personal ID number and password; links to registration and unlocking. */
export function SignInForm({ uid, onStep, onCancel, cancelling }: SignInFormProps) {
  const { t } = useTranslation();
  const [personalId, setPersonalId] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const id = personalId.replace(/\s/g, '');
    if (id === '' || password === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onStep(await submitPassword(uid, id, password));
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('interaction.formLabel')}>
      <Stack gap="sm">
        <TextInput
          label={t('interaction.personalId')}
          description={t('interaction.personalIdHelp')}
          value={personalId}
          onChange={(event) => setPersonalId(event.currentTarget.value)}
          error={missing && personalId.trim() === '' ? t('interaction.fieldsMissing') : null}
          required
          inputMode="numeric"
          autoComplete="username"
          maxLength={20}
        />
        <PasswordInput
          label={t('interaction.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing && password === '' ? t('interaction.fieldsMissing') : null}
          required
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('interaction.showPassword') }}
        />
        {problem && <ProblemAlert problem={problem} />}
        <Group>
          <Button type="submit" loading={busy}>
            {t('interaction.submit')}
          </Button>
          <Button variant="default" onClick={onCancel} loading={cancelling} disabled={busy}>
            {t('interaction.cancel')}
          </Button>
        </Group>
        <Group gap="lg">
          <Anchor component={Link} to="/register">
            {t('interaction.register')}
          </Anchor>
          <Anchor component={Link} to="/unlock">
            {t('interaction.unlock')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
