import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { startSignIn } from '../../api/web-session.ts';

/** Said to a citizen signed in at level 1 on a page that needs level 2, with the way to sign in again. */
export function LevelTwoNotice() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <Alert color="orange" variant="light" title={t('apply.levelTwoTitle')}>
      <Stack gap="xs">
        <Text fz="sm">{t('apply.levelTwo')}</Text>
        <div>
          <Button onClick={() => startSignIn(`${pathname}${search}`, 2)}>{t('apply.levelTwoSignIn')}</Button>
        </div>
      </Stack>
    </Alert>
  );
}
