import { useState } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../session';
import { consoleAccess } from './projects';

/** The frame of every console page: the access check and the top bar. */
export function ConsoleLayout() {
  const { user, loading, logout } = useSession();
  const location = useLocation();
  const [signedOut, setSignedOut] = useState(false);
  const access = consoleAccess(user, loading);

  function signOut() {
    setSignedOut(true); // whoever signs in next starts at the start page, not back here
    logout();
  }

  if (access === 'loading') return <p className="muted">Loading…</p>;
  if (access === 'login') {
    // An expired token brings the user back to this page after signing in again.
    return <Navigate to="/login" replace state={signedOut ? undefined : { from: location.pathname }} />;
  }

  return (
    <div className="console">
      <header className="topbar">
        <Link to="/" className="brand">
          Quorum
        </Link>
        {access === 'ok' && (
          <nav className="console-nav">
            <NavLink id="nav-projects" to="/console" end>
              Projects
            </NavLink>
          </nav>
        )}
        <span className="spacer" />
        <span id="user-name" className="user-name">
          {user?.name}
        </span>
        <button id="sign-out" type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      {access === 'forbidden' ? (
        <main id="not-customer" className="card center-card">
          <h1>Customer console</h1>
          <p>
            The console is for customer accounts. You are signed in as <strong>{user?.email}</strong>, which has no
            customer role.
          </p>
          <p>
            <Link to="/">Back to the start page</Link>
          </p>
        </main>
      ) : (
        <Outlet />
      )}
    </div>
  );
}
