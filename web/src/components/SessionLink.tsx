import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useWebSession } from '../hooks/use-web-session.ts';

/**
 * "Đăng nhập" when nobody is signed in to the web app, "Tài khoản" (to the account page) when someone is.
 * Not on the provider's sign-in pages: a sign-in is under way there, and no session exists yet to ask about.
 */
export function SessionLink() {
  const signingIn = useMatch('/interaction/:uid') !== null;
  return signingIn ? null : <SessionButton />;
}

function SessionButton() {
  const { t } = useTranslation();
  const session = useWebSession();
  if (session.kind === 'loading') return null;
  const signedIn = session.kind === 'signedIn';
  return (
    <Button component={Link} to={signedIn ? '/account' : '/sign-in'} variant={signedIn ? 'light' : 'filled'} size="xs">
      {signedIn ? t('session.account') : t('session.signIn')}
    </Button>
  );
}
