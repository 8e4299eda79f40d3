import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierEvent, DossierStep } from '../../api/services-model.ts';
import { useLanguage } from '../../hooks/use-language.ts';
import { useLocalized } from '../../hooks/use-localized.ts';
import { formatInstant } from '../../i18n/format.ts';
import { eventLabel } from './dossier-labels.ts';

interface DossierTimelineProps {
  /** Oldest first. */
  readonly history: readonly DossierEvent[];
  readonly steps: readonly DossierStep[];
}

/** Quá trình xử lý — what happened to a dossier, oldest first: who did what, at which step, when. */
export function DossierTimeline({ history, steps }: DossierTimelineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const localized = useLocalized();
  const titles = new Map(steps.map((step) => [step.name, localized(step.title)]));
  if (history.length === 0) return <Text>{t('dossier.timeline.empty')}</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} aria-label={t('dossier.timeline.title')}>
      {history.map((event, index) => (
        <Timeline.Item
          // Entries never change once written: their place in the history is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          key={index}
          title={
            <Text component="span" fw={600}>
              {eventLabel(event.kind, t)}
              {event.step ? ` · ${titles.get(event.step) ?? event.step}` : ''}
            </Text>
          }
        >
          <Text fz="sm" c="dimmed">
            {formatInstant(event.at, language)}
            {event.actorName ? ` · ${event.actorName}` : ''}
          </Text>
          {event.note && <Text fz="sm">{event.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
