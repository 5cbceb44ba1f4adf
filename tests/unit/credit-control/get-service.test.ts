import { getService } from '../../../src/plugins/credit-control/server/src/utils/get-service';

/** A Strapi whose plugin registry counts its lookups. */
function fakeStrapi(isLoaded: boolean) {
  const lookups: string[] = [];
  const services: Record<string, object> = { mapping: { name: 'mapping' }, guard: { name: 'guard' } };
  const strapi = { isLoaded, plugin: (name: string) => ({ service: (service: string) => (lookups.push(`${name}.${service}`), services[service]) }) };
  return { strapi: strapi as any, lookups, services };
}

describe('getService', () => {
  it('asks the registry once per service once Strapi is loaded, and hands the same instance back', () => {
    const { strapi, lookups, services } = fakeStrapi(true);
    expect(getService(strapi, 'mapping')).toBe(services.mapping);
    expect(getService(strapi, 'mapping')).toBe(services.mapping);
    expect(getService(strapi, 'guard')).toBe(services.guard);
    expect(lookups).toEqual(['credit-control.mapping', 'credit-control.guard']);
  });

  it('asks the registry each time while Strapi registers and boots (an app may still extend a service)', () => {
    const { strapi, lookups, services } = fakeStrapi(false);
    getService(strapi, 'mapping');
    // the app extends the service while it boots: the next lookup gets the extended one
    services.mapping = { name: 'extended mapping' };
    expect(getService(strapi, 'mapping')).toEqual({ name: 'extended mapping' });
    expect(lookups).toEqual(['credit-control.mapping', 'credit-control.mapping']);
  });

  it('keeps each Strapi apart', () => {
    const a = fakeStrapi(true);
    const b = fakeStrapi(true);
    b.services.mapping = { name: 'b' };
    expect(getService(a.strapi, 'mapping')).toBe(a.services.mapping);
    expect(getService(b.strapi, 'mapping')).toEqual({ name: 'b' });
  });

  it('does not keep a service the registry does not have', () => {
    const { strapi, lookups } = fakeStrapi(true);
    expect(getService(strapi, 'rates')).toBeUndefined();
    expect(getService(strapi, 'rates')).toBeUndefined();
    expect(lookups).toEqual(['credit-control.rates', 'credit-control.rates']);
  });
});
