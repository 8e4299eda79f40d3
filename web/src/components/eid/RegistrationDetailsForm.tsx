import { Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationRequest } from '../../api/accounts.ts';
import { todayInVietnam } from '../../i18n/format.ts';

type Field = 'personalId' | 'fullName' | 'birthDate' | 'phone' | 'email';

interface RegistrationDetailsFormProps {
  /** The details entered before (when coming back to this step). */
  readonly initial: RegistrationRequest | null;
  readonly busy: boolean;
  readonly onSubmit: (request: RegistrationRequest) => void;
}

const CHECKS: Record<Field, (value: string) => boolean> = {
  personalId: (value) => /^\d{12}$/.test(value),
  fullName: (value) => value.length >= 2,
  birthDate: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value),
  phone: (value) => /^0\d{9}$/.test(value),
  email: (value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
};

/** Step 1 of registration: the details the registry is asked to match, and the phone the code goes to. */
export function RegistrationDetailsForm({ initial, busy, onSubmit }: RegistrationDetailsFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({
    personalId: initial?.personalId ?? '',
    fullName: initial?.fullName ?? '',
    birthDate: initial?.birthDate ?? '',
    phone: initial?.phone ?? '',
    email: initial?.email ?? '',
  });
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());

  const cleaned = (): Record<Field, string> => ({
    personalId: values.personalId.replace(/\s/g, ''),
    fullName: values.fullName.trim().replace(/\s+/g, ' '),
    birthDate: values.birthDate,
    phone: values.phone.replace(/[\s.-]/g, ''),
    email: values.email.trim(),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clean = cleaned();
    const wrong = new Set((Object.keys(CHECKS) as Field[]).filter((field) => !CHECKS[field](clean[field])));
    setInvalid(wrong);
    if (wrong.size > 0) return;
    const { email, ...required } = clean;
    onSubmit(email ? { ...required, email } : required);
  };

  const field = (name: Field) => ({
    value: values[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
    error: invalid.has(name) ? t(`register.invalid.${name}`) : null,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('register.personalId')}
          description={t('register.personalIdHelp')}
          inputMode="numeric"
          maxLength={14}
          autoComplete="off"
          required
          {...field('personalId')}
        />
        <TextInput
          label={t('register.fullName')}
          description={t('register.fullNameHelp')}
          autoComplete="name"
          maxLength={100}
          required
          {...field('fullName')}
        />
        <TextInput
          type="date"
          label={t('register.birthDate')}
          max={todayInVietnam()}
          autoComplete="bday"
          required
          {...field('birthDate')}
        />
        <TextInput
          type="tel"
          label={t('register.phone')}
          description={t('register.phoneHelp')}
          autoComplete="tel-national"
          maxLength={14}
          required
          {...field('phone')}
        />
        <TextInput
          type="email"
          label={t('register.email')}
          description={t('register.emailHelp')}
          autoComplete="email"
          maxLength={254}
          {...field('email')}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('register.next')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
