import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addChildAccount, type MyAccount, setChildLock } from '../../api/me.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { RecordSection } from '../person/RecordSection.tsx';

/** The accounts of children under 14 the holder registered, with locking, and registering another. */
export function ChildrenSection({ account, onChanged }: { account: MyAccount; onChanged: () => void }) {
  const { t } = useTranslation();
  const [personalId, setPersonalId] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(true);
    try {
      await action();
      onChanged();
      return true;
    } catch (error) {
      setProblem(asProblem(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onAdd = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(false);
    const id = personalId.replace(/\s/g, '');
    setInvalid(!/^\d{12}$/.test(id));
    if (!/^\d{12}$/.test(id)) return;
    if (await run(() => addChildAccount(id))) {
      setPersonalId('');
      setAdded(true);
    }
  };

  return (
    <RecordSection id="account-children" title={t('account.children.title')}>
      <Text>{t('account.children.intro')}</Text>
      {account.guardianOf.length === 0 ? (
        <Text c="dimmed">{t('account.children.empty')}</Text>
      ) : (
        <Table withTableBorder maw={720}>
          <Table.Caption>{t('account.children.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.children.fullName')}</Table.Th>
              <Table.Th>{t('account.children.personalId')}</Table.Th>
              <Table.Th>{t('account.children.status')}</Table.Th>
              <Table.Th>{t('account.children.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {account.guardianOf.map((child) => {
              const locked = child.status === 'locked';
              return (
                <Table.Tr key={child.accountId}>
                  <Table.Td>{child.fullName}</Table.Td>
                  <Table.Td>{child.personalId}</Table.Td>
                  <Table.Td>{locked ? t('account.summary.locked') : t('account.summary.active')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={busy}
                      aria-label={t(locked ? 'account.children.unlockOf' : 'account.children.lockOf', {
                        name: child.fullName,
                      })}
                      onClick={() => run(() => setChildLock(child.accountId, !locked))}
                    >
                      {locked ? t('account.children.unlock') : t('account.children.lock')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {account.level === 2 ? (
        <form onSubmit={onAdd} noValidate>
          <Group align="flex-end">
            <TextInput
              label={t('account.children.childId')}
              value={personalId}
              onChange={(event) => setPersonalId(event.currentTarget.value)}
              error={invalid ? t('register.invalid.personalId') : null}
              inputMode="numeric"
              maxLength={14}
              autoComplete="off"
            />
            <Button type="submit" variant="default" loading={busy}>
              {t('account.children.add')}
            </Button>
          </Group>
        </form>
      ) : (
        <Text fz="sm" c="dimmed">
          {t('account.children.needLevel2')}
        </Text>
      )}
      <Stack gap="xs">
        {added && (
          <Alert variant="light" color="green" role="status">
            {t('account.children.added')}
          </Alert>
        )}
        {problem && <ProblemAlert problem={problem} />}
      </Stack>
    </RecordSection>
  );
}
