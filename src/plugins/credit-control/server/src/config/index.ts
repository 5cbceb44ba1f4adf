import type { PluginConfig } from '../types';

// The app declares its party and document types here (config/plugins.ts); the engine reads them.
const defaultConfig: PluginConfig = {
  party: { uid: '' },
  documents: {},
};

export default {
  default: defaultConfig,
  validator(config: PluginConfig) {
    if (!config || typeof config !== 'object') {
      throw new Error('credit-control: config must be an object with `party` and `documents`');
    }
    if (config.documents && typeof config.documents !== 'object') {
      throw new Error('credit-control: config.documents must be an object keyed by document uid');
    }
  },
};
