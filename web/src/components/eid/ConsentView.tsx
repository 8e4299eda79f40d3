import { Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approveConsent, type InteractionDetails } from '../../api/interaction.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

interface ConsentViewProps {
  readonly details: InteractionDetails;
  readonly onDone: (redirectTo: string) => void;
  readonly onDeny: () => void;
  readonly denying: boolean;
}

/**
 * The consent screen: who receives the information (the application and its organisation), why (its
 * purpose), and exactly what is shared (each scope asked for, in the reader's language).
 */
export function ConsentView({ details, onDone, onDeny, denying }: ConsentViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const { client, scopes } = details;

  const onApprove = async () => {
    setProblem(null);
    setBusy(true);
    try {
      onDone((await approveConsent(details.uid)).redirectTo);
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text>{t('interaction.consentIntro')}</Text>
      <Table withTableBorder variant="vertical" layout="fixed" maw={640}>
        <Table.Caption>{t('interaction.consentWhoCaption')}</Table.Caption>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" w={180}>
              {t('interaction.client')}
            </Table.Th>
            <Table.Td>{client.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('interaction.organisation')}</Table.Th>
            <Table.Td>{client.organisation}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('interaction.purpose')}</Table.Th>
            <Table.Td>{client.purpose}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <section aria-labelledby="shared-title">
        <Title order={2} id="shared-title" mb="xs">
          {t('interaction.sharedTitle')}
        </Title>
        <List>
          {scopes.map((scope) => (
            <List.Item key={scope.scope}>{language === 'vi' ? scope.vi : scope.en}</List.Item>
          ))}
        </List>
      </section>
      <Text fz="sm" c="dimmed">
        {t('interaction.consentNote')}
      </Text>
      {problem && <ProblemAlert problem={problem} />}
      <Group>
        <Button onClick={onApprove} loading={busy} disabled={denying}>
          {t('interaction.approve')}
        </Button>
        <Button variant="default" onClick={onDeny} loading={denying} disabled={busy}>
          {t('interaction.deny')}
        </Button>
      </Group>
    </Stack>
  );
}
