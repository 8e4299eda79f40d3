import { Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { getMyAccount } from '../api/me.ts';
import type { WebSession } from '../api/web-session.ts';
import { AccountSummary } from '../components/account/AccountSummary.tsx';
import { ChildrenSection } from '../components/account/ChildrenSection.tsx';
import { ConsentsSection } from '../components/account/ConsentsSection.tsx';
import { LockSection } from '../components/account/LockSection.tsx';
import { PasswordSection } from '../components/account/PasswordSection.tsx';
import { RolesSection } from '../components/account/RolesSection.tsx';
import { SignOutSection } from '../components/account/SignOutSection.tsx';
import { TotpSection } from '../components/account/TotpSection.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useReloadable } from '../hooks/use-reloadable.ts';

/** My eID account: what it is, its security (lock, password, authenticator), connected apps, children. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('account.title')}</Title>
      <RequireSession>{(session) => <AccountSections session={session} />}</RequireSession>
    </Stack>
  );
}

function AccountSections({ session }: { session: WebSession }) {
  const { t } = useTranslation();
  const { state, reload } = useReloadable('me', (signal) => getMyAccount(signal));
  if (state.kind === 'error') return <ProblemAlert problem={state.problem} />;
  if (state.kind !== 'ok') return <Loader size="sm" aria-label={t('common.loading')} />;
  const account = state.value;
  return (
    <>
      <AccountSummary account={account} />
      <RolesSection roles={session.roles} />
      <ConsentsSection />
      <PasswordSection />
      <TotpSection enabled={account.totpEnabled} onChanged={reload} />
      <ChildrenSection account={account} onChanged={reload} />
      <LockSection locked={account.status === 'locked'} onChanged={reload} />
      <SignOutSection />
    </>
  );
}
