import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listNotifications, markNotificationRead } from '../../api/dossiers.ts';
import { type ApiProblem, asProblem } from '../../api/problem.ts';
import type { Notification } from '../../api/services-model.ts';
import { dossierPath } from '../../citizen-paths.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useReloadable } from '../../hooks/use-reloadable.ts';
import { formatInstant } from '../../i18n/format.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';

/** How many notices the list shows. */
const SHOWN = 10;

/** The latest notices about the citizen's dossiers, unread ones marked, each of which can be marked read. */
export function NotificationsList() {
  const { t } = useTranslation();
  const { state, reload } = useReloadable('notifications', listNotifications);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const onRead = async (notification: Notification) => {
    setProblem(null);
    try {
      await markNotificationRead(notification.id);
      reload();
    } catch (failure) {
      setProblem(asProblem(failure));
    }
  };

  if (state.kind === 'error') return <ProblemAlert problem={state.problem} />;
  if (state.kind !== 'ok') return <Loader size="sm" aria-label={t('common.loading')} />;
  const items = state.value.items.slice(0, SHOWN);
  const unread = state.value.items.filter((item) => item.readAt === null).length;
  return (
    <Stack gap="xs">
      <Text role="status">{t('notifications.unread', { count: unread })}</Text>
      {problem && <ProblemAlert problem={problem} />}
      {items.length === 0 ? (
        <Text>{t('notifications.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <NotificationItem key={item.id} notification={item} onRead={() => void onRead(item)} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function NotificationItem({ notification, onRead }: { notification: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unread = notification.readAt === null;
  return (
    <Paper component="li" withBorder p="sm" radius="sm" bg={unread ? 'blue.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={unread ? 700 : 500}>{notification.title}</Text>
            {unread && (
              <Badge color="blue.8" variant="filled" size="sm" tt="none">
                {t('notifications.new')}
              </Badge>
            )}
          </Group>
          <Text fz="sm">{notification.body}</Text>
          <Group gap="sm">
            <Text fz="xs" c="dimmed">
              {formatInstant(notification.createdAt, language)}
            </Text>
            <Anchor component={Link} to={dossierPath(notification.dossierId)} fz="xs">
              {t('notifications.open')}
            </Anchor>
          </Group>
        </Stack>
        {unread && (
          <Button
            variant="default"
            size="xs"
            onClick={onRead}
            aria-label={t('notifications.markReadOf', { title: notification.title })}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
