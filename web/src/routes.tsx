import { createBrowserRouter, type RouteObject } from 'react-router';
import { AREAS } from './areas.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** Every client route. The server answers unknown HTML paths with the app, so `*` shows the not-found page. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      ...AREAS.map((area) => ({ path: area.path, element: <AreaPage area={area.id} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
