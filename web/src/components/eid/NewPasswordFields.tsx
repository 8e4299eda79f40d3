import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface NewPasswordFieldsProps {
  readonly password: string;
  readonly repeat: string;
  readonly onPassword: (value: string) => void;
  readonly onRepeat: (value: string) => void;
  readonly passwordLabel: string;
  readonly repeatLabel: string;
  readonly passwordError: string | null;
  readonly repeatError: string | null;
}

/** A new password typed twice, with the rules it must meet. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PasswordInput
        label={props.passwordLabel}
        description={t('register.passwordHelp')}
        value={props.password}
        onChange={(event) => props.onPassword(event.currentTarget.value)}
        error={props.passwordError}
        required
        autoComplete="new-password"
        maxLength={128}
        visibilityToggleButtonProps={{ 'aria-label': t('register.showPassword') }}
      />
      <PasswordInput
        label={props.repeatLabel}
        value={props.repeat}
        onChange={(event) => props.onRepeat(event.currentTarget.value)}
        error={props.repeatError}
        required
        autoComplete="new-password"
        maxLength={128}
        visibilityToggleButtonProps={{ 'aria-label': t('register.showPassword') }}
      />
    </Stack>
  );
}

/** Whether a password meets the server's rule (8+ characters, letters and digits); the server checks again. */
export function passwordLooksStrong(password: string): boolean {
  return password.length >= 8 && /\p{L}/u.test(password) && /\d/.test(password);
}
