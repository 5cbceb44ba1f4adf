import { PLUGIN_ID } from '../pluginId';

/** Every label of the plugin lives under `credit-control.<key>` in the admin's messages. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;
