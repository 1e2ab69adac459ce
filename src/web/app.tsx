/**
 * Routes of the web UI. Public: `/`, `/login`, `/offices`, `/service-info`, `/verify`, `/complaints/status`,
 * `/survey`, `/queue/kiosk/:officeId`, `/queue/board/:officeId`; signed in: `/home` (one per role), `/calendar`
 * (admin), the household book, complaints, the service (`/counter`, `/akimat-inbox`, `/psc-intake`, `/hand-over`,
 * `/apply-online`, `/my-applications`, `/applications`, `/applications/:id`), and `/queue` (operator's console or
 * director's screen). New pages add a
 * `/survey`; signed in: `/home` (one per role), `/calendar` (admin), the household book, complaints, and the
 * service (`/counter`, `/akimat-inbox`, `/psc-intake`, `/hand-over`, `/apply-online`, `/my-applications`,
 * `/applications`, `/applications/:id`), `/indicators`, `/indicators/records`. New pages add a
 * `<Route>` here and set their section's `path` in sections.ts (see docs/ui.md).
 */
import { type ReactNode, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { SessionUser } from './api';
import { Layout } from './layout';
import { LocaleProvider, useI18n } from './locale';
import { AkimatInboxPage } from './pages/akimat-inbox-page';
import { ApplicationPage } from './pages/application-page';
import { ApplicationsPage } from './pages/applications-page';
import { ApplyOnlinePage } from './pages/apply-online-page';
import { CalendarPage } from './pages/calendar-page';
import { ComplaintFormPage } from './pages/complaint-form-page';
import { ComplaintPage } from './pages/complaint-page';
import { ComplaintStatusPage } from './pages/complaint-status-page';
import { ComplaintsListPage } from './pages/complaints-list-page';
import { FollowupsPage } from './pages/followups-page';
import { CounterPage } from './pages/counter-page';
import { HandOverPage } from './pages/hand-over-page';
import { HomePage } from './pages/home-page';
import { HouseholdBookPage } from './pages/household-book-page';
import { HouseholdFormPage } from './pages/household-form-page';
import { HouseholdImportPage } from './pages/household-import-page';
import { HouseholdPage } from './pages/household-page';
import { IndicatorRecordsPage } from './pages/indicator-records-page';
import { IndicatorsPage } from './pages/indicators-page';
import { LandingPage } from './pages/landing-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { OfficesPage } from './pages/offices-page';
import { QualityPage } from './pages/quality-page';
import { TargetsPage } from './pages/targets-page';
import { PscIntakePage } from './pages/psc-intake-page';
import { QueueBoardPage } from './pages/queue-board-page';
import { QueueKioskPage } from './pages/queue-kiosk-page';
import { QueuePage } from './pages/queue-page';
import { ServiceInfoPage } from './pages/service-info-page';
import { SurveyPage } from './pages/survey-page';
import { VerifyPage } from './pages/verify-page';
import { SessionProvider, useSession } from './session';

/** Renders its page for a signed-in person; otherwise sends them to sign in and back here afterwards. */
function RequireSignIn({ page }: { page: (user: SessionUser) => ReactNode }) {
  const { state } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status !== 'signed-in') {
    // After a deliberate sign-out there is nothing to come back to; otherwise return here after signing in.
    if (state.reason === 'signed-out') return <Navigate to="/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return page(state.user);
}

/** A restored session brings the user's profile language, unless this device already has a chosen one. */
function ProfileLocale() {
  const { state } = useSession();
  const { preferLocale } = useI18n();
  const profileLocale = state.status === 'signed-in' ? state.user.locale : null;
  useEffect(() => {
    if (profileLocale) preferLocale(profileLocale);
  }, [profileLocale, preferLocale]);
  return null;
}

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <ProfileLocale />
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<LandingPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="home" element={<RequireSignIn page={(user) => <HomePage user={user} />} />} />
            <Route path="offices" element={<OfficesPage />} />
            <Route path="service-info" element={<ServiceInfoPage />} />
            <Route path="verify" element={<VerifyPage />} />
            <Route path="queue">
              <Route index element={<RequireSignIn page={(user) => <QueuePage user={user} />} />} />
              <Route path="kiosk/:officeId" element={<QueueKioskPage />} />
              <Route path="board/:officeId" element={<QueueBoardPage />} />
            </Route>
            <Route path="quality" element={<QualityPage />} />
            <Route
              path="calendar"
              element={<RequireSignIn page={(user) => <CalendarPage user={user} />} />}
            />
            <Route path="indicators">
              <Route index element={<RequireSignIn page={(user) => <IndicatorsPage user={user} />} />} />
              <Route path="records" element={<RequireSignIn page={() => <IndicatorRecordsPage />} />} />
            </Route>
            <Route path="targets" element={<RequireSignIn page={() => <TargetsPage />} />} />
            <Route path="household-book">
              <Route index element={<RequireSignIn page={(user) => <HouseholdBookPage user={user} />} />} />
              <Route
                path="new"
                element={<RequireSignIn page={(user) => <HouseholdFormPage user={user} />} />}
              />
              <Route
                path="import"
                element={<RequireSignIn page={(user) => <HouseholdImportPage user={user} />} />}
              />
              <Route path=":id" element={<RequireSignIn page={(user) => <HouseholdPage user={user} />} />} />
              <Route
                path=":id/edit"
                element={<RequireSignIn page={(user) => <HouseholdFormPage user={user} />} />}
              />
            </Route>
            <Route path="complaints">
              <Route index element={<RequireSignIn page={(user) => <ComplaintsListPage user={user} />} />} />
              <Route path="status" element={<ComplaintStatusPage />} />
              <Route
                path="new"
                element={<RequireSignIn page={(user) => <ComplaintFormPage user={user} mode="online" />} />}
              />
              <Route
                path="intake"
                element={<RequireSignIn page={(user) => <ComplaintFormPage user={user} mode="office" />} />}
              />
              <Route path=":id" element={<RequireSignIn page={(user) => <ComplaintPage user={user} />} />} />
            </Route>
            <Route
              path="my-complaints"
              element={<RequireSignIn page={(user) => <ComplaintsListPage user={user} />} />}
            />
            <Route
              path="followups"
              element={<RequireSignIn page={(user) => <FollowupsPage user={user} />} />}
            />
            <Route path="survey" element={<SurveyPage />} />
            <Route path="counter" element={<RequireSignIn page={(user) => <CounterPage user={user} />} />} />
            <Route
              path="akimat-inbox"
              element={<RequireSignIn page={(user) => <AkimatInboxPage user={user} />} />}
            />
            <Route
              path="psc-intake"
              element={<RequireSignIn page={(user) => <PscIntakePage user={user} />} />}
            />
            <Route
              path="hand-over"
              element={<RequireSignIn page={(user) => <HandOverPage user={user} />} />}
            />
            <Route
              path="apply-online"
              element={<RequireSignIn page={(user) => <ApplyOnlinePage user={user} />} />}
            />
            <Route
              path="my-applications"
              element={<RequireSignIn page={(user) => <ApplicationsPage user={user} own />} />}
            />
            <Route path="applications">
              <Route index element={<RequireSignIn page={(user) => <ApplicationsPage user={user} />} />} />
              <Route
                path=":id"
                element={<RequireSignIn page={(user) => <ApplicationPage user={user} />} />}
              />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </LocaleProvider>
  );
}
