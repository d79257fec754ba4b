import { Link, Navigate } from 'react-router-dom';
import { appLinks } from './navigation';
import { useSession } from './session';

export function HomePage() {
  const { user, loading, logout } = useSession();
  if (loading) return <p className="muted">Loading…</p>;
  if (!user) return <Navigate to="/login" replace />;
  return (
    <main className="card">
      <h1>Quorum</h1>
      <p id="who">
        Signed in as <strong>{user.name}</strong> ({user.email})
      </p>
      <p>
        Roles: <span id="roles">{user.roles.join(', ')}</span>
        {user.orgId && <> · org {user.orgId}</>}
        {user.vendor && <> · vendor {user.vendor}</>}
      </p>
      <div className="actions">
        {appLinks(user.roles).map((link, i) => (
          <Link key={link.to} id={link.homeId} className={i === 0 ? 'button' : 'button secondary'} to={link.to}>
            {link.homeLabel}
          </Link>
        ))}
        <button id="sign-out" onClick={logout}>
          Sign out
        </button>
      </div>
    </main>
  );
}
