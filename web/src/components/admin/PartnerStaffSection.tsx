import { Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addStaff, listStaff, type PartnerStaffMember, removeStaff } from '../../api/partners.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useReloadable } from '../../hooks/use-reloadable.ts';
import { formatInstant } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/**
 * The members of a partner's staff, who use the partner console after an eID sign-in at level 2: the list, a
 * form to add a person's account by personal ID number, and a button to end each membership.
 */
export function PartnerStaffSection({ partnerId, onChanged }: { partnerId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { state, reload } = useReloadable(`partner-staff:${partnerId}`, (signal) => listStaff(partnerId, signal));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const changed = () => {
    reload();
    onChanged();
  };
  const remove = (member: PartnerStaffMember) => {
    setProblem(null);
    removeStaff(partnerId, member.id).then(changed, (error: unknown) => setProblem(asProblem(error)));
  };
  return (
    <Stack gap="sm">
      <Text>{t('partnerStaff.intro')}</Text>
      {state.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {state.kind === 'error' && <ProblemAlert problem={state.problem} />}
      {state.kind === 'ok' &&
        (state.value.items.length === 0 ? (
          <Text>{t('partnerStaff.none')}</Text>
        ) : (
          <StaffTable members={state.value.items} onRemove={remove} />
        ))}
      {problem && <ProblemAlert problem={problem} />}
      <AddStaffForm partnerId={partnerId} onAdded={changed} />
    </Stack>
  );
}

function StaffTable({
  members,
  onRemove,
}: {
  members: readonly PartnerStaffMember[];
  onRemove: (member: PartnerStaffMember) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table captionSide="top" striped>
        <Table.Caption ta="start">{t('partnerStaff.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partnerStaff.personalId')}</Table.Th>
            <Table.Th scope="col">{t('partnerStaff.grantedAt')}</Table.Th>
            <Table.Th scope="col">{t('partnerStaff.grantedBy')}</Table.Th>
            <Table.Th scope="col">{t('partnerStaff.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Th scope="row" fw={400}>
                {member.personalId}
              </Table.Th>
              <Table.Td>{formatInstant(member.grantedAt, language)}</Table.Td>
              <Table.Td>{member.grantedBy}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onRemove(member)}
                  aria-label={t('partnerStaff.removeLabel', { personalId: member.personalId })}
                >
                  {t('partnerStaff.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddStaffForm({ partnerId, onAdded }: { partnerId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [personalId, setPersonalId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const value = personalId.trim();
    if (!/^\d{12}$/.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      await addStaff(partnerId, value);
      setPersonalId('');
      onAdded();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
    setBusy(false);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('partnerStaff.formLabel')}>
      <Stack gap="sm" maw={480}>
        <TextInput
          label={t('partnerStaff.personalId')}
          description={t('partnerStaff.personalIdHelp')}
          required
          inputMode="numeric"
          maxLength={12}
          value={personalId}
          onChange={(event) => setPersonalId(event.currentTarget.value)}
          error={invalid ? t('partnerStaff.personalIdInvalid') : null}
        />
        {problem && <ProblemAlert problem={problem} />}
        <Group>
          <Button type="submit" loading={busy}>
            {t('partnerStaff.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
