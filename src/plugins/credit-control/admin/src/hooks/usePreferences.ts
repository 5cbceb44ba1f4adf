import * as React from 'react';
import { useAuth } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import { readPreferences, writePreferences, type Preferences } from '../utils/preferences';

/** The signed-in admin's plugin preferences, kept in sync across the open views. */
export const usePreferences = () => {
  const userId = useAuth('credit-control', (state) => state.user?.id);
  const [prefs, setPrefs] = React.useState<Preferences>(() => readPreferences(userId));
  React.useEffect(() => {
    const sync = () => setPrefs(readPreferences(userId));
    sync();
    window.addEventListener(`${PLUGIN_ID}:preferences`, sync);
    return () => window.removeEventListener(`${PLUGIN_ID}:preferences`, sync);
  }, [userId]);
  const update = React.useCallback((patch: Partial<Preferences>) => writePreferences(userId, { ...readPreferences(userId), ...patch }), [userId]);
  return { prefs, update };
};
