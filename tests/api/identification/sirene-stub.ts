/** A stub INSEE Sirene API serving the fixtures, wired into the app's `sirene` config. */
import notFound from '../../fixtures/sirene/not-found.json';
import sirenCompany from '../../fixtures/sirene/siren-company.json';
import siretClosed from '../../fixtures/sirene/siret-closed.json';
import siretCompany from '../../fixtures/sirene/siret-company.json';
import siretNonDiffusible from '../../fixtures/sirene/siret-non-diffusible.json';
import siretSoleTrader from '../../fixtures/sirene/siret-sole-trader.json';
import { startStubServer, type StubHandler, type StubServer } from '../../helpers/stub-server';

export const API_KEY = 'test-insee-key';

export const SIRENE = {
  company: '81234567600025',
  companySiren: '812345676',
  headOffice: '81234567600017',
  soleTrader: '90876543100014',
  nonDiffusible: '52345678800018',
  closed: '31415926000012',
  /** valid check digits, unknown to the stub */
  unknown: '81234567600033',
};

const FIXTURES: Record<string, unknown> = {
  [`/siret/${SIRENE.company}`]: siretCompany,
  [`/siren/${SIRENE.companySiren}`]: sirenCompany,
  [`/siret/${SIRENE.soleTrader}`]: siretSoleTrader,
  [`/siret/${SIRENE.nonDiffusible}`]: siretNonDiffusible,
  [`/siret/${SIRENE.closed}`]: siretClosed,
};

/** Answers like INSEE: the fixture of the path, else 404; 401 without the right key. */
export const insee: StubHandler = (request) => {
  if (request.headers['x-insee-api-key-integration'] !== API_KEY) {
    return { status: 401, json: { header: { statut: 401, message: 'Invalid API key' } } };
  }
  const fixture = FIXTURES[request.url];
  return fixture ? { status: 200, json: fixture } : { status: 404, json: notFound };
};

export async function startSireneStub(strapi: any): Promise<StubServer> {
  const stub = await startStubServer(insee);
  configureSirene(strapi, stub.url);
  return stub;
}

export function configureSirene(strapi: any, baseUrl: string, options: { apiKey?: string; timeoutMs?: number } = {}): void {
  strapi.config.set('sirene.baseUrl', baseUrl);
  strapi.config.set('sirene.apiKey', options.apiKey ?? API_KEY);
  strapi.config.set('sirene.timeoutMs', options.timeoutMs ?? 2000);
}
