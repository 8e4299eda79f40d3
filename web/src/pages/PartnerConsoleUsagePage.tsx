import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getOwnInvoice, getOwnUsage } from '../api/partner-console.ts';
import { MonthUsage } from '../components/admin/MonthUsage.tsx';
import { useAsync } from '../hooks/use-async.ts';
import { useLanguage } from '../hooks/use-language.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePartnerConsole } from '../hooks/use-partner-console.ts';
import { formatMonth, isMonth, todayInVietnam } from '../i18n/format.ts';
import { partnerConsoleUsagePath } from '../partner-paths.ts';

/**
 * The partner's own checks in a month (`?month=YYYY-MM`, this month in Vietnam by default): a bar per day, a
 * table by day and purpose, the checks of each check type, and the month's invoice in đồng.
 */
export function PartnerConsoleUsagePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { contract: own } = usePartnerConsole();
  const asked = useSearchParams()[0].get('month') ?? '';
  const month = isMonth(asked) ? asked : todayInVietnam().slice(0, 7);
  const usage = useAsync(`own-usage:${month}`, (signal) => getOwnUsage(month, signal));
  const invoice = useAsync(`own-invoice:${month}`, (signal) => getOwnInvoice(month, signal));
  const title = t('usage.title', { partner: own.partner.name, month: formatMonth(month, language) });
  usePageTitle(title);
  return (
    <MonthUsage
      title={title}
      month={month}
      pathOf={partnerConsoleUsagePath}
      sections="own-"
      usage={usage}
      invoice={invoice}
    />
  );
}
