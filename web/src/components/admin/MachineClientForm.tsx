import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientView, readPublicJwk, registerMachineClient } from '../../api/clients.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

type Field = 'clientId' | 'name' | 'organisation' | 'purpose' | 'jwk';
const EMPTY: Record<Field, string> = { clientId: '', name: '', organisation: '', purpose: '', jwk: '' };

/**
 * Registers a partner's system as a machine client with scope `verification`: it will ask for access tokens
 * with client credentials, signing its requests with the private key whose public half is pasted here.
 */
export function MachineClientForm({ onRegistered }: { onRegistered: (client: ClientView) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const field = (name: Field) => ({
    value: values[name],
    onChange: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: errors[name] ?? null,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const clientId = values.clientId.trim();
    const name = values.name.trim();
    const organisation = values.organisation.trim();
    const purpose = values.purpose.trim();
    const found: Partial<Record<Field, string>> = {};
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(clientId)) found.clientId = t('clients.invalid.clientId');
    if (name.length < 2 || name.length > 100) found.name = t('clients.invalid.name');
    if (organisation.length < 2 || organisation.length > 200) found.organisation = t('clients.invalid.organisation');
    if (purpose.length < 5 || purpose.length > 200) found.purpose = t('clients.invalid.purpose');
    const key = readPublicJwk(values.jwk);
    if (key.kind === 'error') found.jwk = t(`clients.invalid.jwk.${key.reason}`);
    setErrors(found);
    if (Object.keys(found).length > 0 || key.kind === 'error') return;
    setBusy(true);
    try {
      const client = await registerMachineClient({ clientId, name, organisation, purpose, jwk: key.jwk });
      setValues(EMPTY);
      onRegistered(client);
    } catch (error) {
      setProblem(asProblem(error));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('clients.formLabel')}>
      <Stack gap="sm">
        <TextInput
          label={t('clients.clientId')}
          description={t('clients.clientIdHelp')}
          required
          spellCheck={false}
          {...field('clientId')}
        />
        <TextInput label={t('clients.name')} required {...field('name')} />
        <TextInput label={t('clients.organisation')} required {...field('organisation')} />
        <TextInput label={t('clients.purpose')} required {...field('purpose')} />
        <Textarea
          label={t('clients.jwk')}
          description={t('clients.jwkHelp')}
          required
          autosize
          minRows={4}
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace' } }}
          {...field('jwk')}
        />
        {problem && <ProblemAlert problem={problem} />}
        <div>
          <Button type="submit" variant="default" loading={busy}>
            {t('clients.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
