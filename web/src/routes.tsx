import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PARTNERS_PATH } from './admin-paths.ts';
import { AREAS } from './areas.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAdmin } from './components/admin/RequireAdmin.tsx';
import { RequireOfficer } from './components/officer/RequireOfficer.tsx';
import { PartnerConsoleGuard } from './components/partner/PartnerConsoleGuard.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { AreaPage } from './pages/AreaPage.tsx';
import { CitizenApplyPage } from './pages/CitizenApplyPage.tsx';
import { CitizenDossierPage } from './pages/CitizenDossierPage.tsx';
import { CitizenDossiersPage } from './pages/CitizenDossiersPage.tsx';
import { CitizenPage } from './pages/CitizenPage.tsx';
import { CitizenServicesPage } from './pages/CitizenServicesPage.tsx';
import { DevInboxPage } from './pages/DevInboxPage.tsx';
import { ErrorPage } from './pages/ErrorPage.tsx';
import { FirstPasswordPage } from './pages/FirstPasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InteractionPage } from './pages/InteractionPage.tsx';
import { NewPartnerPage } from './pages/NewPartnerPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OfficerActivationPage } from './pages/OfficerActivationPage.tsx';
import { OfficerDossierPage } from './pages/OfficerDossierPage.tsx';
import { OfficerQueuePage } from './pages/OfficerQueuePage.tsx';
import { OfficerSearchPage } from './pages/OfficerSearchPage.tsx';
import { OfficerSignInPage } from './pages/OfficerSignInPage.tsx';
import { PartnerBatchesPage } from './pages/PartnerBatchesPage.tsx';
import { PartnerConsolePage } from './pages/PartnerConsolePage.tsx';
import { PartnerConsoleUsagePage } from './pages/PartnerConsoleUsagePage.tsx';
import { PartnerPage } from './pages/PartnerPage.tsx';
import { PartnersPage } from './pages/PartnersPage.tsx';
import { PartnerUsagePage } from './pages/PartnerUsagePage.tsx';
import { PersonPage } from './pages/PersonPage.tsx';
import { RegisterPage } from './pages/RegisterPage.tsx';
import { SandboxPaymentPage } from './pages/SandboxPaymentPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { UnlockPage } from './pages/UnlockPage.tsx';

/**
 * The officer console: sign-in, then (behind the guard) search, the person page, level-2 activation, and the
 * agency's work queue of dossiers with each dossier's page.
 */
const officerRoutes: RouteObject = {
  path: '/officer',
  children: [
    { path: 'sign-in', element: <OfficerSignInPage /> },
    {
      element: <RequireOfficer />,
      children: [
        { index: true, element: <OfficerSearchPage /> },
        { path: 'people/:personalId', element: <PersonPage /> },
        { path: 'activation', element: <OfficerActivationPage /> },
        { path: 'dossiers', element: <OfficerQueuePage /> },
        { path: 'dossiers/:id', element: <OfficerDossierPage /> },
      ],
    },
  ],
};

/**
 * The partner console (behind its guard: an eID session at level 2 of a member of a partner's staff): the
 * contract and quota, batch jobs, usage and invoices of the member's own partner.
 */
const partnerRoutes: RouteObject = {
  path: '/partner',
  element: <PartnerConsoleGuard />,
  children: [
    { index: true, element: <PartnerConsolePage /> },
    { path: 'batches', element: <PartnerBatchesPage /> },
    { path: 'usage', element: <PartnerConsoleUsagePage /> },
  ],
};

/**
 * Administration (behind the guard: the bootstrap token, or an eID session with the administrator role):
 * verification partners, their contracts, usage and invoices. Sign-in is the officer console's page.
 */
const adminRoutes: RouteObject = {
  path: '/admin',
  element: <RequireAdmin />,
  children: [
    { index: true, element: <Navigate to={PARTNERS_PATH} replace /> },
    { path: 'partners', element: <PartnersPage /> },
    { path: 'partners/:id', element: <PartnerPage /> },
    { path: 'partners/:id/usage', element: <PartnerUsagePage /> },
    { path: 'new-partner', element: <NewPartnerPage /> },
  ],
};

/**
 * The citizen portal: the procedure catalogue, filing an e-form, my dossiers and each dossier's page; and the
 * built-in sandbox payment provider's page, where paying a fee leads.
 */
const citizenRoutes: RouteObject[] = [
  {
    path: '/citizen',
    children: [
      { index: true, element: <CitizenPage /> },
      { path: 'services', element: <CitizenServicesPage /> },
      { path: 'services/:code/apply', element: <CitizenApplyPage /> },
      { path: 'dossiers', element: <CitizenDossiersPage /> },
      { path: 'dossiers/:id', element: <CitizenDossierPage /> },
    ],
  },
  { path: '/payments/sandbox/:paymentId', element: <SandboxPaymentPage /> },
];

/** Electronic identity: the provider's sign-in and consent page, registration, the holder's account. */
const eidRoutes: RouteObject[] = [
  { path: '/interaction/:uid', element: <InteractionPage /> },
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/unlock', element: <UnlockPage /> },
  { path: '/first-password', element: <FirstPasswordPage /> },
  { path: '/account', element: <AccountPage /> },
  { path: '/dev/inbox', element: <DevInboxPage /> },
];

/** Every client route. The server answers unknown HTML paths with the app, so `*` shows the not-found page. */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <ErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      officerRoutes,
      adminRoutes,
      partnerRoutes,
      ...eidRoutes,
      ...citizenRoutes,
      // Areas whose features have not arrived yet show what they are for.
      ...AREAS.filter(
        (area) => area.id !== 'officer' && area.id !== 'admin' && area.id !== 'citizen' && area.id !== 'partner',
      ).map((area) => ({
        path: area.path,
        element: <AreaPage area={area.id} />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
