/**
 * The areas of the web app, one per kind of user. Each has a nav label (`nav.<id>`), a title
 * (`areas.<id>.title`) and a description (`areas.<id>.description`) in the i18n resources.
 */
export const AREAS = [
  { id: 'citizen', path: '/citizen' },
  { id: 'officer', path: '/officer' },
  { id: 'partner', path: '/partner' },
  { id: 'lodging', path: '/lodging' },
  { id: 'admin', path: '/admin' },
] as const;

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];
