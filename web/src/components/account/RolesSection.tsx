import { Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionRole } from '../../api/web-session.ts';
import { OFFICER_PATH } from '../../officer-paths.ts';
import { RecordSection } from '../person/RecordSection.tsx';

/** The officer and administrator roles of the account, and the way to the officer console. */
export function RolesSection({ roles }: { roles: readonly SessionRole[] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return (
    <RecordSection id="account-roles" title={t('account.roles.title')}>
      <List>
        {roles.map((role) => (
          <List.Item key={role.id}>
            {role.role === 'admin'
              ? t('account.roles.admin')
              : t('account.roles.officer', { agency: role.agency ? t(`labels.agency.${role.agency}`) : '' })}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to={OFFICER_PATH}>
        {t('account.roles.openConsole')}
      </Anchor>
    </RecordSection>
  );
}
