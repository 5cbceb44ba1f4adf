// The app declares its party and document types in config/plugins.ts; see the plugin README.
export default {
  default: {
    party: { uid: '' },
    currency: { default: 'EUR', codeField: 'code' },
    documents: {},
  },
  validator(config: Record<string, unknown>) {
    if (!config || typeof config !== 'object') throw new Error('credit-control: config must be an object');
    if (config.documents !== undefined && (typeof config.documents !== 'object' || config.documents === null)) {
      throw new Error('credit-control: config.documents must be an object keyed by document uid');
    }
  },
};
