import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface RecordSectionProps {
  /** `id` of the heading, which names the section. */
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}

/** One part of the person page: a level-2 heading and its content, as a named region. */
export function RecordSection({ id, title, children }: RecordSectionProps) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title order={2} id={id} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
