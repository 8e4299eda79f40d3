import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { loginUrl, markSignInStarted } from '../api/web-session.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** OAuth errors the provider or the server's callback send back (`/sign-in?error=…`), explained. */
const KNOWN_ERRORS = [
  'access_denied',
  'unmet_authentication_requirements',
  'login_expired',
  'login_required',
  'interaction_required',
  'consent_required',
  'server_error',
  'temporarily_unavailable',
] as const;

/** Where a sign-in may return to: a path of this site. */
function safeReturnTo(value: string | null): string {
  return value && /^\/(?!\/)\S{0,300}$/.test(value) ? value : '/account';
}

/**
 * The web app's sign-in: a link to `/auth/login`, which goes through the eID provider and comes back with a
 * session. When a sign-in failed, the server sends the browser here with `?error=`, which is explained.
 */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('eidSignIn.title'));
  const [params] = useSearchParams();
  const error = params.get('error');
  const returnTo = safeReturnTo(params.get('returnTo'));
  const known = KNOWN_ERRORS.find((code) => code === error);

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('eidSignIn.title')}</Title>
      {error && (
        <Alert variant="light" color="red" title={t('eidSignIn.errorTitle')}>
          {known ? t(`eidSignIn.errors.${known}`) : t('eidSignIn.errors.other', { code: error })}
        </Alert>
      )}
      <Text>{t('eidSignIn.intro')}</Text>
      <div>
        <Button component="a" href={loginUrl(returnTo)} onClick={markSignInStarted}>
          {t('eidSignIn.submit')}
        </Button>
      </div>
      <Stack gap={4}>
        <Anchor component={Link} to="/register">
          {t('eidSignIn.register')}
        </Anchor>
        <Anchor component={Link} to="/unlock">
          {t('eidSignIn.unlock')}
        </Anchor>
        <Anchor component={Link} to="/first-password">
          {t('eidSignIn.firstPassword')}
        </Anchor>
      </Stack>
    </Stack>
  );
}
