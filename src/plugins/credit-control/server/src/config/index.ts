import { checkLimitChangesConfig } from '../core/limit-change';

// The app declares its party and document types in config/plugins.ts; see the plugin README.
const HOOKS = ['figuresVisible', 'partyScope'];

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
    if (config.preparedStatements !== undefined && typeof config.preparedStatements !== 'boolean') {
      throw new Error('credit-control: config.preparedStatements must be true or false');
    }
    const limitProblems = checkLimitChangesConfig(config.limitChanges);
    if (limitProblems.length) throw new Error(`credit-control: ${limitProblems.join('; ')}`);
    const hooks = config.hooks as Record<string, unknown> | undefined;
    if (hooks !== undefined) {
      if (!hooks || typeof hooks !== 'object') throw new Error('credit-control: config.hooks must be an object of functions');
      for (const [name, hook] of Object.entries(hooks)) {
        if (!HOOKS.includes(name)) throw new Error(`credit-control: config.hooks.${name} is not a hook (known: ${HOOKS.join(', ')})`);
        if (typeof hook !== 'function') throw new Error(`credit-control: config.hooks.${name} must be a function`);
      }
    }
  },
};
