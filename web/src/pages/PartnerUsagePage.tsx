import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { partnerPath, partnerUsagePath } from '../admin-paths.ts';
import { getInvoice, getPartner, getUsage } from '../api/partners.ts';
import { MonthUsage } from '../components/admin/MonthUsage.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { formatMonth, isMonth, todayInVietnam } from '../i18n/format.ts';

/**
 * A partner's checks in a month (`?month=YYYY-MM`, this month in Vietnam by default): a bar per day, a table
 * by day and purpose, the checks of each check type, and the month's invoice in đồng.
 */
export function PartnerUsagePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useParams().id ?? '';
  const asked = useSearchParams()[0].get('month') ?? '';
  const month = isMonth(asked) ? asked : todayInVietnam().slice(0, 7);
  const partner = useAsync(`partner:${id}`, (signal) => getPartner(id, signal));
  const usage = useAsync(`usage:${id}:${month}`, (signal) => getUsage(id, month, signal));
  const invoice = useAsync(`invoice:${id}:${month}`, (signal) => getInvoice(id, month, signal));
  const name = partner.kind === 'ok' ? partner.value.partner.name : id;
  const title = t('usage.title', { partner: name, month: formatMonth(month, language) });
  usePageTitle(title);
  return (
    <MonthUsage
      title={title}
      month={month}
      pathOf={(other) => partnerUsagePath(id, other)}
      links={
        <Anchor component={Link} to={partnerPath(id)}>
          {t('usage.backToPartner')}
        </Anchor>
      }
      sections=""
      usage={usage}
      invoice={invoice}
    />
  );
}
