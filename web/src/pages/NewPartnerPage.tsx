import { Alert, Anchor, Button, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PARTNERS_PATH, partnerPath } from '../admin-paths.ts';
import { type ClientView, isVerificationClient, listClients } from '../api/clients.ts';
import { createPartner, PARTNER_KINDS, type PartnerKind } from '../api/partners.ts';
import { type ApiProblem, asProblem } from '../api/problem.ts';
import { MachineClientForm } from '../components/admin/MachineClientForm.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RecordSection } from '../components/person/RecordSection.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';

type Field = 'id' | 'name' | 'clientId';

/**
 * Registers a verification partner for a machine client. A partner's system must be registered first as a
 * machine client with scope `verification`; the second section of the page does that.
 */
export function NewPartnerPage() {
  const { t } = useTranslation();
  usePageTitle(t('newPartner.title'));
  const navigate = useNavigate();
  const clients = useReloadable('clients', listClients);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartnerKind>('bank');
  const [clientId, setClientId] = useState('');
  const [registered, setRegistered] = useState<ClientView | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const eligible = clients.state.kind === 'ok' ? clients.state.value.items.filter(isVerificationClient) : [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const slug = id.trim();
    const found: Partial<Record<Field, string>> = {};
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) found.id = t('newPartner.invalid.id');
    if (name.trim() === '') found.name = t('newPartner.invalid.name');
    if (clientId === '') found.clientId = t('newPartner.invalid.clientId');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const partner = await createPartner({ id: slug, name: name.trim(), kind, clientId });
      void navigate(partnerPath(partner.id));
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  const onRegistered = (client: ClientView) => {
    setRegistered(client);
    setClientId(client.clientId);
    clients.reload();
  };

  return (
    <Stack gap="lg" maw={720}>
      <Stack gap="xs">
        <Title order={1}>{t('newPartner.title')}</Title>
        <Text>{t('newPartner.intro')}</Text>
      </Stack>
      <form onSubmit={onSubmit} noValidate aria-label={t('newPartner.formLabel')}>
        <Stack gap="sm">
          <TextInput
            label={t('newPartner.id')}
            description={t('newPartner.idHelp')}
            required
            spellCheck={false}
            value={id}
            onChange={(event) => setId(event.currentTarget.value)}
            error={errors.id ?? null}
          />
          <TextInput
            label={t('newPartner.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name ?? null}
          />
          <NativeSelect
            label={t('newPartner.kind')}
            data={PARTNER_KINDS.map((value) => ({ value, label: t(`partners.kinds.${value}`) }))}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as PartnerKind)}
          />
          {clients.state.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
          {clients.state.kind === 'error' && <ProblemAlert problem={clients.state.problem} />}
          <NativeSelect
            label={t('newPartner.client')}
            description={t('newPartner.clientHelp')}
            required
            data={[
              { value: '', label: t('newPartner.chooseClient') },
              ...eligible.map((client) => ({
                value: client.clientId,
                label: `${client.clientId} — ${client.organisation}`,
              })),
            ]}
            value={clientId}
            onChange={(event) => setClientId(event.currentTarget.value)}
            error={errors.clientId ?? null}
          />
          {problem && <ProblemAlert problem={problem} />}
          <div>
            <Button type="submit" loading={busy}>
              {t('newPartner.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <RecordSection id="machine-client" title={t('clients.title')}>
        <Text>{t('clients.intro')}</Text>
        {registered && (
          <Alert variant="light" color="green" role="status">
            {t('clients.registered', { clientId: registered.clientId })}
          </Alert>
        )}
        <MachineClientForm onRegistered={onRegistered} />
      </RecordSection>
      <Anchor component={Link} to={PARTNERS_PATH}>
        {t('partners.back')}
      </Anchor>
    </Stack>
  );
}
