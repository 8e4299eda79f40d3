import { useEffect, useState } from 'react';
import { type CodeName, listEthnicities, listReligions } from '../api/reference.ts';

export interface CodeLists {
  /** The ethnic group's name for a code; the code itself until the list has loaded or when unknown. */
  ethnicity(code: string): string;
  religion(code: string): string;
}

/** Names for the ethnicity and religion codes of a record (public lists, fetched once per page load). */
export function useCodeLists(): CodeLists {
  const [lists, setLists] = useState<{ ethnicities: Map<string, string>; religions: Map<string, string> }>();
  useEffect(() => {
    let live = true;
    Promise.all([listEthnicities(), listReligions()]).then(
      ([ethnicities, religions]) => {
        if (live) setLists({ ethnicities: byCode(ethnicities), religions: byCode(religions) });
      },
      // Without the lists the codes are shown as they are.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return {
    ethnicity: (code) => lists?.ethnicities.get(code) ?? code,
    religion: (code) => lists?.religions.get(code) ?? code,
  };
}

function byCode(list: readonly CodeName[]): Map<string, string> {
  return new Map(list.map((entry) => [entry.code, entry.name]));
}
