import { Alert, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listInbox } from '../api/dev-inbox.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { formatInstant } from '../i18n/format.ts';

/**
 * The developer inbox of the embedded mode: the SMS and e-mails the platform would have sent, one-time codes
 * included, newest first. The server offers it only when `DANCU_DEV_INBOX` is on (never in production).
 */
export function DevInboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('devInbox.title'));
  const [draft, setDraft] = useState('');
  const [recipient, setRecipient] = useState('');
  const [round, setRound] = useState(0);
  const messages = useAsync(`inbox:${recipient}:${round}`, (signal) => listInbox(recipient || undefined, signal));

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRecipient(draft.trim());
    setRound((n) => n + 1);
  };

  return (
    <Stack gap="md" maw={1100}>
      <Title order={1}>{t('devInbox.title')}</Title>
      <Alert variant="light" color="yellow" title={t('devInbox.warningTitle')} role="note">
        {t('devInbox.warning')}
      </Alert>
      <form onSubmit={onFilter} noValidate>
        <Group align="flex-end">
          <TextInput
            label={t('devInbox.recipient')}
            description={t('devInbox.recipientHelp')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="default">
            {t('devInbox.filter')}
          </Button>
          <Button onClick={() => setRound((n) => n + 1)}>{t('devInbox.refresh')}</Button>
        </Group>
      </form>
      {messages.kind === 'loading' && <Loader size="sm" aria-label={t('common.loading')} />}
      {messages.kind === 'error' &&
        (messages.problem.code === 'ROUTE_NOT_FOUND' ? (
          <Alert variant="light" color="gray">
            {t('devInbox.disabled')}
          </Alert>
        ) : (
          <ProblemAlert problem={messages.problem} />
        ))}
      {messages.kind === 'ok' &&
        (messages.value.length === 0 ? (
          <Text>{t('devInbox.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Caption>{t('devInbox.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('devInbox.at')}</Table.Th>
                  <Table.Th>{t('devInbox.channel')}</Table.Th>
                  <Table.Th>{t('devInbox.recipient')}</Table.Th>
                  <Table.Th>{t('devInbox.kind')}</Table.Th>
                  <Table.Th>{t('devInbox.body')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.value.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td>{formatInstant(message.createdAt, language)}</Table.Td>
                    <Table.Td>{t(`devInbox.channels.${message.channel}`)}</Table.Td>
                    <Table.Td>{message.recipient}</Table.Td>
                    <Table.Td>{message.kind}</Table.Td>
                    <Table.Td>{message.body}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}
