import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ConsoleLayout } from './console/ConsoleLayout';
import { ProjectForm } from './console/ProjectForm';
import { ProjectList } from './console/ProjectList';
import { ProjectPage } from './console/ProjectPage';
import { FeedbackPage } from './FeedbackPage';
import { HomePage } from './HomePage';
import { LoginPage } from './LoginPage';
import { QualificationsPage } from './QualificationsPage';
import { ReviewPage } from './ReviewPage';
import { SessionProvider } from './session';
import { WorkPage } from './WorkPage';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/" element={<HomePage />} />
          <Route path="/work" element={<WorkPage />} />
          <Route path="/feedback" element={<FeedbackPage />} />
          <Route path="/qualifications" element={<QualificationsPage />} />
          <Route path="/qualifications/:id" element={<QualificationsPage />} />
          <Route path="/review" element={<ReviewPage />} />
          <Route path="/console" element={<ConsoleLayout />}>
            <Route index element={<ProjectList />} />
            <Route path="projects/new" element={<ProjectForm />} />
            <Route path="projects/:id" element={<ProjectPage />} />
            <Route path="projects/:id/quality" element={<ProjectPage tab="quality" />} />
            <Route path="*" element={<Navigate to="/console" replace />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  </StrictMode>,
);
