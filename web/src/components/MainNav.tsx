import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { AREAS } from '../areas.ts';

interface NavItemProps {
  readonly to: string;
  readonly label: string;
  /** Active only on `to` itself, not below it (the home link). */
  readonly end?: boolean;
  readonly onNavigate: () => void;
}

function NavItem({ to, label, end = false, onNavigate }: NavItemProps) {
  const active = useMatch({ path: to, end }) !== null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

/** Links to the home page, to each area and to eID registration. `onNavigate` lets the layout close the mobile menu. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <NavItem to="/" end label={t('nav.home')} onNavigate={onNavigate} />
      {AREAS.map((area) => (
        <NavItem key={area.id} to={area.path} label={t(`nav.${area.id}`)} onNavigate={onNavigate} />
      ))}
      <NavItem to="/register" label={t('nav.register')} onNavigate={onNavigate} />
    </>
  );
}
