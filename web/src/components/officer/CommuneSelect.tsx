import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommuneOptions } from '../../hooks/use-commune-options.ts';

interface CommuneSelectProps {
  readonly value: string | null;
  readonly onChange: (communeId: string | null) => void;
}

/** A searchable picker of 2025 communes: type part of a name (accents optional), pick one. */
export function CommuneSelect({ value, onChange }: CommuneSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = useCommuneOptions(search, value);
  return (
    <Select
      label={t('search.commune')}
      description={t('search.communeHelp')}
      placeholder={t('search.communePlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('search.communeClear') }}
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched the names (accents ignored): show what it found as it is.
      filter={({ options: found }) => found}
      nothingFoundMessage={search.trim().length < 2 ? t('search.communeTypeMore') : t('search.communeNone')}
    />
  );
}
