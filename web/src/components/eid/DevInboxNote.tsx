import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listInbox } from '../../api/dev-inbox.ts';
import { useAsync } from '../../hooks/use-async.ts';

/**
 * In the embedded (development) mode, where codes are not sent but kept in the developer inbox, says so and
 * links there. Elsewhere the inbox does not exist and nothing is shown.
 */
export function DevInboxNote() {
  const { t } = useTranslation();
  const inbox = useAsync('dev-inbox-probe', (signal) => listInbox(undefined, signal));
  if (inbox.kind !== 'ok') return null;
  return (
    <Alert variant="light" color="yellow" role="note">
      {t('register.devInbox')}{' '}
      <Anchor component={Link} to="/dev/inbox" target="_blank">
        {t('register.openDevInbox')}
      </Anchor>
    </Alert>
  );
}
