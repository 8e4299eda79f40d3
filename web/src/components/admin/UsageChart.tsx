import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language.ts';
import { formatCount, formatDay } from '../../i18n/format.ts';

const WIDTH = 720;
const HEIGHT = 200;
const AXIS = 20;
const TOP = 16;

/**
 * Checks per day of a month as bars, in plain SVG. Screen readers get one summary (`role="img"` with a label);
 * the table next to it carries the figures.
 */
export function UsageChart({ days, counts }: { days: readonly string[]; counts: ReadonlyMap<string, number> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const max = Math.max(1, ...days.map((day) => counts.get(day) ?? 0));
  const slot = WIDTH / Math.max(1, days.length);
  const plot = HEIGHT - AXIS - TOP;
  const total = days.reduce((sum, day) => sum + (counts.get(day) ?? 0), 0);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
      role="img"
      aria-label={t('usage.chartLabel', { total: formatCount(total, language), max: formatCount(max, language) })}
    >
      <line x1={0} y1={TOP + plot} x2={WIDTH} y2={TOP + plot} stroke="#495057" strokeWidth={1} />
      <text x={0} y={TOP - 4} fontSize={11} fill="#495057">
        {formatCount(max, language)}
      </text>
      {days.map((day, index) => {
        const count = counts.get(day) ?? 0;
        const height = (count / max) * plot;
        const x = index * slot;
        return (
          <g key={day}>
            {count > 0 && (
              <rect x={x + slot * 0.15} y={TOP + plot - height} width={slot * 0.7} height={height} fill="#1864ab">
                <title>{`${formatDay(day, language)}: ${formatCount(count, language)}`}</title>
              </rect>
            )}
            {(index === 0 || (index + 1) % 5 === 0) && (
              <text x={x + slot / 2} y={HEIGHT - 4} fontSize={11} fill="#495057" textAnchor="middle">
                {index + 1}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
