import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay, todayInVietnam } from '../../i18n/format.ts';

interface AsOfFormProps {
  /** The day shown now. */
  readonly asOf: string;
  /** The earliest day that can be asked for (the date of birth), when known. */
  readonly min?: string | undefined;
  readonly onChange: (asOf: string | undefined) => void;
}

/**
 * The day the record is shown as of. Applied with a button rather than on each change: a date typed
 * digit by digit passes through days that would each be a logged read.
 */
export function AsOfForm({ asOf, min, onChange }: AsOfFormProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState(asOf);
  const [error, setError] = useState<string | null>(null);
  const today = todayInVietnam();

  useEffect(() => setDay(asOf), [asOf]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isDay(day)) {
      setError(t('person.asOf.invalid'));
      return;
    }
    setError(null);
    onChange(day === today ? undefined : day);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('person.asOf.formLabel')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('person.asOf.label')}
          description={t('person.asOf.help')}
          value={day}
          min={min}
          max={today}
          error={error}
          onChange={(event) => setDay(event.currentTarget.value)}
        />
        <Button type="submit" variant="default">
          {t('person.asOf.apply')}
        </Button>
        {asOf !== today && (
          <Button
            variant="subtle"
            onClick={() => {
              setError(null);
              onChange(undefined);
            }}
          >
            {t('person.asOf.today')}
          </Button>
        )}
      </Group>
    </form>
  );
}
