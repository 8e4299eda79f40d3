import { createBrowserRouter, type RouteObject } from 'react-router';
import { AREAS } from './areas.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireOfficer } from './components/officer/RequireOfficer.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfficerSearchPage } from './pages/OfficerSearchPage.tsx';
import { OfficerSignInPage } from './pages/OfficerSignInPage.tsx';
import { PersonPage } from './pages/PersonPage.tsx';

/** The officer console: sign-in, then (behind the token guard) search and the person page. */
const officerRoutes: RouteObject = {
  path: '/officer',
  children: [
    { path: 'sign-in', element: <OfficerSignInPage /> },
    {
      element: <RequireOfficer />,
      children: [
        { index: true, element: <OfficerSearchPage /> },
        { path: 'people/:personalId', element: <PersonPage /> },
      ],
    },
  ],
};

/** Every client route. The server answers unknown HTML paths with the app, so `*` shows the not-found page. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      officerRoutes,
      // Areas whose features have not arrived yet show what they are for.
      ...AREAS.filter((area) => area.id !== 'officer').map((area) => ({
        path: area.path,
        element: <AreaPage area={area.id} />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
