import { useState, type ReactNode } from 'react';
import { Link, NavLink, Navigate, useLocation } from 'react-router-dom';
import { roleAccess } from './access';
import type { Role, User } from './api';
import { appLinks } from './navigation';
import { useSession } from './session';

/** Links to the pages the user's roles open, for the top bar. */
export function AppNav({ roles }: { roles: readonly Role[] }) {
  const links = appLinks(roles);
  if (links.length < 2) return null; // one page: the brand link is enough
  return (
    <nav className="app-nav">
      {links.map((link) => (
        <NavLink key={link.to} id={link.navId} to={link.to}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}

/**
 * The frame of the feedback and review pages: the role check, the top bar, then the page.
 * `children` gets the signed-in user; `status` is extra text for the top bar.
 */
export function AppFrame({
  role,
  title,
  status,
  children,
}: {
  role: Role;
  title: string;
  status?: ReactNode;
  children: (user: User) => ReactNode;
}) {
  const { user, loading, logout } = useSession();
  const location = useLocation();
  const [signedOut, setSignedOut] = useState(false);
  const access = roleAccess(user, loading, role);

  function signOut() {
    setSignedOut(true); // whoever signs in next starts at the start page, not back here
    logout();
  }

  if (access === 'loading') return <p className="muted">Loading…</p>;
  if (access === 'login' || !user) {
    return <Navigate to="/login" replace state={signedOut ? undefined : { from: location.pathname }} />;
  }
  return (
    <div className="page">
      <header className="topbar">
        <Link to="/" className="brand">
          Quorum
        </Link>
        <AppNav roles={user.roles} />
        <span className="spacer" />
        {status}
        <span id="user-name" className="user-name">
          {user.name}
        </span>
        <button id="sign-out" type="button" className="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      {access === 'forbidden' ? (
        <main id="wrong-role" className="card center-card">
          <h1>{title}</h1>
          <p>
            This page is for accounts with the {role.toLowerCase()} role. You are signed in as{' '}
            <strong>{user.email}</strong>.
          </p>
          <p>
            <Link to="/">Back to the start page</Link>
          </p>
        </main>
      ) : (
        children(user)
      )}
    </div>
  );
}
