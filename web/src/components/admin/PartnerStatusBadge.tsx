import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerStatus } from '../../api/partners.ts';

/** A partner's status: active (green) or suspended (red), in words, not colour alone. */
export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'green.9' : 'red.9'} variant="light">
      {t(`partners.statuses.${status}`)}
    </Badge>
  );
}
