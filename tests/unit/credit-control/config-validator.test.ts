import config from '../../../src/plugins/credit-control/server/src/config';

// The plugin's config validator runs when Strapi loads config/plugins: a wrong hook stops the boot with its name.
describe('credit-control config validator', () => {
  it('accepts the known hooks as functions', () => {
    expect(() => config.validator({ hooks: { figuresVisible: () => true, partyScope: async () => null } })).not.toThrow();
    expect(() => config.validator({})).not.toThrow();
  });

  it('names an unknown hook and lists the known ones', () => {
    expect(() => config.validator({ hooks: { figuresVisibel: () => true } })).toThrow('credit-control: config.hooks.figuresVisibel is not a hook (known: figuresVisible, partyScope)');
  });

  it('refuses a hook that is not a function, and hooks that are not an object', () => {
    expect(() => config.validator({ hooks: { partyScope: ['a'] } })).toThrow('credit-control: config.hooks.partyScope must be a function');
    expect(() => config.validator({ hooks: 'yes' })).toThrow('credit-control: config.hooks must be an object of functions');
  });

  it('takes preparedStatements as true or false only', () => {
    expect(() => config.validator({ preparedStatements: false })).not.toThrow();
    expect(() => config.validator({ preparedStatements: 'no' })).toThrow('credit-control: config.preparedStatements must be true or false');
  });
});
