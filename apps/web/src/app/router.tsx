import { lazy } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { RequireAuth } from './guards';
import { AppLayout } from './layout/AppLayout';
import { LEGAL_PAGES, type LegalPageKey } from './legal-pages';
import NotFoundPage from './routes/NotFoundPage';

// Every page is its own chunk: the entry holds the shell only.
const HomePage = lazy(() => import('./routes/HomePage'));
const LoginPage = lazy(() => import('./routes/auth/LoginPage'));
const SignupPage = lazy(() => import('./routes/auth/SignupPage'));
const VerifyEmailPage = lazy(() => import('./routes/auth/VerifyEmailPage'));
const ForgotPasswordPage = lazy(() => import('./routes/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./routes/auth/ResetPasswordPage'));
const ProfilePage = lazy(() => import('./routes/ProfilePage'));
const PersonPage = lazy(() => import('./routes/PersonPage'));
const MyCompaniesPage = lazy(() => import('./routes/companies/MyCompaniesPage'));
const SearchPage = lazy(() => import('./routes/search/SearchPage'));
const CompanyPage = lazy(() => import('./routes/companies/CompanyPage'));
const AcceptInvitationPage = lazy(() => import('./routes/companies/AcceptInvitationPage'));
const NetworksPage = lazy(() => import('./routes/networks/NetworksPage'));
const NewNetworkPage = lazy(() => import('./routes/networks/NewNetworkPage'));
const NetworkPage = lazy(() => import('./routes/networks/NetworkPage'));
const AcceptNetworkInvitationPage = lazy(() => import('./routes/networks/AcceptNetworkInvitationPage'));
const TopicPage = lazy(() => import('./routes/forums/TopicPage'));
const ModerationPage = lazy(() => import('./routes/forums/ModerationPage'));
const NotificationsPage = lazy(() => import('./routes/notifications/NotificationsPage'));
const MyAgendaPage = lazy(() => import('./routes/agenda/MyAgendaPage'));
const TerritoryAgendaPage = lazy(() => import('./routes/agenda/TerritoryAgendaPage'));
const EventPage = lazy(() => import('./routes/agenda/EventPage'));
const NewEventPage = lazy(() => import('./routes/agenda/EventFormPage').then((m) => ({ default: m.NewEventPage })));
const EditEventPage = lazy(() => import('./routes/agenda/EventFormPage').then((m) => ({ default: m.EditEventPage })));
const OpportunitiesPage = lazy(() => import('./routes/opportunities/OpportunitiesPage'));
const OpportunityPage = lazy(() => import('./routes/opportunities/OpportunityPage'));
const OpportunityGroupPage = lazy(() => import('./routes/opportunities/OpportunityGroupPage'));
const NewOpportunityPage = lazy(() => import('./routes/opportunities/NewOpportunityPage'));
const OpportunityDigestUnsubscribePage = lazy(() => import('./routes/opportunities/OpportunityDigestUnsubscribePage'));
const MessagesPage = lazy(() => import('./routes/messages/MessagesPage'));
const NotificationPreferencesPage = lazy(() => import('./routes/notifications/NotificationPreferencesPage'));
const UnsubscribePage = lazy(() => import('./routes/notifications/UnsubscribePage'));
const LegalPage = lazy(() => import('./routes/LegalPage'));
const PrivacyPage = lazy(() => import('./routes/PrivacyPage'));
const NewsletterPage = lazy(() => import('./routes/newsletters/NewsletterPage'));
const NewNewsletterPage = lazy(() => import('./routes/newsletters/NewsletterPage').then((m) => ({ default: m.NewNewsletterPage })));
const NewsletterUnsubscribePage = lazy(() => import('./routes/newsletters/NewsletterUnsubscribePage'));
const SurveysPage = lazy(() => import('./routes/surveys/SurveysPage'));
const SurveyPage = lazy(() => import('./routes/surveys/SurveyPage'));
const NewSurveyPage = lazy(() => import('./routes/surveys/SurveyPage').then((m) => ({ default: m.NewSurveyPage })));
const CockpitPage = lazy(() => import('./routes/steering/CockpitPage'));
const TerritoryPage = lazy(() => import('./routes/steering/TerritoryPage'));
const PrintPlanPage = lazy(() => import('./routes/steering/PrintPlanPage'));
const OrganizationBrandingPage = lazy(() => import('./routes/steering/OrganizationBrandingPage'));
const AdminLayout = lazy(() => import('./routes/admin/AdminLayout'));
const AdminOrganizationsPage = lazy(() => import('./routes/admin/AdminOrganizationsPage'));
const AdminUsersPage = lazy(() => import('./routes/admin/AdminUsersPage'));
const AdminMailsPage = lazy(() => import('./routes/admin/AdminMailsPage'));
const AdminMailPage = lazy(() => import('./routes/admin/AdminMailPage'));
const AdminImportsPage = lazy(() => import('./routes/admin/AdminImportsPage'));
const AdminImportPage = lazy(() => import('./routes/admin/AdminImportPage'));
const AdminSearchPage = lazy(() => import('./routes/admin/AdminSearchPage'));
const AdminPrivacyPage = lazy(() => import('./routes/admin/AdminPrivacyPage'));
const AdminSecurityPage = lazy(() => import('./routes/admin/AdminSecurityPage'));

/** French paths: some of them are in e-mails (verification, reset, invitations). */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'connexion', element: <LoginPage /> },
      { path: 'inscription', element: <SignupPage /> },
      { path: 'verifier-email', element: <VerifyEmailPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: 'reinitialiser-mot-de-passe', element: <ResetPasswordPage /> },
      { path: 'recherche', element: <SearchPage /> },
      { path: 'entreprises/:id', element: <CompanyPage /> },
      { path: 'personnes/:id', element: <PersonPage /> },
      { path: 'reseaux', element: <NetworksPage /> },
      { path: 'reseaux/:id/:tab?', element: <NetworkPage /> },
      { path: 'forum/sujets/:id', element: <TopicPage /> },
      { path: 'agenda/territoire', element: <TerritoryAgendaPage /> },
      { path: 'evenements/:id', element: <EventPage /> },
      { path: 'opportunites', element: <OpportunitiesPage /> },
      { path: 'opportunites/desabonnement', element: <OpportunityDigestUnsubscribePage /> },
      { path: 'opportunites/:id', element: <OpportunityPage /> },
      { path: 'invitations/reseau', element: <AcceptNetworkInvitationPage /> },
      { path: 'desabonnement', element: <UnsubscribePage /> },
      ...(Object.entries(LEGAL_PAGES) as [LegalPageKey, string][]).map(([key, path]) => ({ path, element: <LegalPage page={key} /> })),
      { path: 'lettres/desabonnement', element: <NewsletterUnsubscribePage /> },
      { path: 'lettres/:id', element: <NewsletterPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'profil', element: <ProfilePage /> },
          { path: 'compte/confidentialite', element: <PrivacyPage /> },
          { path: 'entreprises', element: <MyCompaniesPage /> },
          { path: 'invitations/entreprise', element: <AcceptInvitationPage /> },
          { path: 'reseaux/nouveau', element: <NewNetworkPage /> },
          { path: 'reseaux/:id/moderation', element: <ModerationPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'opportunites/nouvelle', element: <NewOpportunityPage /> },
          { path: 'opportunites/:id/mini-grappe', element: <OpportunityGroupPage /> },
          { path: 'agenda', element: <MyAgendaPage /> },
          { path: 'reseaux/:id/agenda/nouveau', element: <NewEventPage /> },
          { path: 'evenements/:id/modifier', element: <EditEventPage /> },
          { path: 'messages/:id?', element: <MessagesPage /> },
          { path: 'notifications/preferences', element: <NotificationPreferencesPage /> },
          { path: 'lettres/nouvelle', element: <NewNewsletterPage /> },
          { path: 'enquetes', element: <SurveysPage /> },
          { path: 'enquetes/nouveau', element: <NewSurveyPage /> },
          { path: 'enquetes/:id', element: <SurveyPage /> },
        ],
      },
      {
        // Host staff, platform admins and networks' animators; the API decides which networks each one sees.
        path: 'pilotage',
        element: <RequireAuth steering />,
        children: [
          { index: true, element: <CockpitPage /> },
          { path: 'territoire', element: <TerritoryPage /> },
          { path: 'plans/:planId/imprimer', element: <PrintPlanPage /> },
          { path: 'organisation/:id', element: <OrganizationBrandingPage /> },
        ],
      },
      {
        path: 'admin',
        element: <RequireAuth admin />,
        children: [
          {
            element: <AdminLayout />,
            children: [
              { index: true, element: <Navigate to="organisations" replace /> },
              { path: 'organisations', element: <AdminOrganizationsPage /> },
              { path: 'utilisateurs', element: <AdminUsersPage /> },
              { path: 'e-mails', element: <AdminMailsPage /> },
              { path: 'e-mails/:id', element: <AdminMailPage /> },
              { path: 'imports', element: <AdminImportsPage /> },
              { path: 'imports/:id', element: <AdminImportPage /> },
              { path: 'recherche', element: <AdminSearchPage /> },
              { path: 'confidentialite', element: <AdminPrivacyPage /> },
              { path: 'securite', element: <AdminSecurityPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Declarative routing (no loaders): the data router would add ~16 kB gzipped to the entry. */
export function AppRoutes() {
  return useRoutes(routes);
}
