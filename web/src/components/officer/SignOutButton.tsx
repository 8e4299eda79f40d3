import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signOut } from '../../api/officer-session.ts';
import { SIGN_IN_PATH, type SignInState } from '../../officer-paths.ts';

/** Forgets the officer's token in this tab and shows the sign-in page. */
export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const onClick = () => {
    signOut('signedOut');
    const state: SignInState = { reason: 'signedOut' };
    void navigate(SIGN_IN_PATH, { state });
  };
  return (
    <Button variant="default" size="xs" onClick={onClick}>
      {t('officer.signOut')}
    </Button>
  );
}
