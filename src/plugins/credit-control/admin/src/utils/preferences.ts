import { PLUGIN_ID } from '../pluginId';

/** Per admin user, in this browser: the spec hides the blocking rules tab unless the user asks for it. */
export interface Preferences {
  showBlockingRules: boolean;
}

const DEFAULTS: Preferences = { showBlockingRules: false };
const key = (userId: string | number | undefined) => `${PLUGIN_ID}:preferences:${userId ?? 'anonymous'}`;

export const readPreferences = (userId: string | number | undefined): Preferences => {
  try {
    const raw = window.localStorage.getItem(key(userId));
    return raw ? { ...DEFAULTS, ...JSON.parse(raw) } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
};

export const writePreferences = (userId: string | number | undefined, prefs: Preferences) => {
  window.localStorage.setItem(key(userId), JSON.stringify(prefs));
  window.dispatchEvent(new Event(`${PLUGIN_ID}:preferences`));
};
