import { useEffect } from 'react';

/** Sets the browser tab's title to `<title> · dancu`, or `dancu` alone without a title. */
export function usePageTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · dancu` : 'dancu';
  }, [title]);
}
