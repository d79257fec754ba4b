import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, getToken, setToken, type LoginResponse, type User } from './api';

interface Session {
  user: User | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState<boolean>(getToken() !== null);

  useEffect(() => {
    if (!getToken()) return;
    api<{ user: User | null }>('/api/v1/auth/me')
      .then((me) => setUser(me.user))
      .catch(() => setToken(null))
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const response = await api<LoginResponse>('/api/v1/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    });
    setToken(response.accessToken);
    setUser(response.user);
  }, []);

  const logout = useCallback(() => {
    // An annotator who signs out gives back the current and prefetched leases at once, so that
    // others need not wait for them to expire. Best effort: the token is dropped either way.
    if (user?.roles.includes('ANNOTATOR') && getToken()) {
      void api('/api/v1/annotator/release', { method: 'POST' }).catch(() => undefined);
    }
    setToken(null);
    setUser(null);
  }, [user]);

  return <SessionContext.Provider value={{ user, loading, login, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
