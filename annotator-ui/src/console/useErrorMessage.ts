import { useCallback } from 'react';
import { ApiError } from '../api';
import { useSession } from '../session';

/**
 * Turns a failed call into the message to show; a 401 means the token expired, so it signs out
 * (the console then sends the user to the login page) and returns null.
 */
export function useErrorMessage(): (error: unknown) => string | null {
  const { logout } = useSession();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.status === 401) {
          logout();
          return null;
        }
        return error.message;
      }
      return `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`;
    },
    [logout],
  );
}
