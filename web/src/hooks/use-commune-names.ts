import { useEffect, useState } from 'react';
import { resolveCommune } from '../api/reference.ts';

/**
 * Display names of communes by id (`Phường 12, Thành phố Hồ Chí Minh`), fetched as `ids` come in. An id
 * whose name is not known (yet) is absent from the map.
 */
export function useCommuneNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = [...new Set(ids)].sort().join(',');

  useEffect(() => {
    if (wanted === '') return;
    let live = true;
    for (const id of wanted.split(',')) {
      resolveCommune(id).then(
        ({ recorded }) => {
          if (live) setNames((known) => new Map(known).set(id, `${recorded.commune.name}, ${recorded.province.name}`));
        },
        // A name that cannot be fetched is left out; the table shows the id instead.
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [wanted]);

  return names;
}
