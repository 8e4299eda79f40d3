import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** The first focusable element of every page: jumps over the header and navigation to `targetId`. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.link} href={`#${targetId}`}>
      {t('app.skipToContent')}
    </a>
  );
}
