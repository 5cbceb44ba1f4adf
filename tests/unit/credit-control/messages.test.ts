import {
  MESSAGES,
  MESSAGE_AREAS,
  day,
  fieldName,
  fill,
  list,
  loggedDecisionText,
  money,
  parseStatementCriteria,
  placeholders,
  say,
  smtpFailure,
  translate,
  type LoggedDecision,
} from '../../../src/plugins/credit-control/server/src/core';

const NNBSP = '\u202f';

describe("the plugin's message catalog", () => {
  const entries = Object.entries(MESSAGES) as [string, Record<string, string>][];

  it('has every code in English and French, with the same parameters in both', () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const [code, texts] of entries) {
      expect({ code, en: texts.en?.trim() || null, fr: texts.fr?.trim() || null }).toEqual({ code, en: expect.any(String), fr: expect.any(String) });
      expect({ code, fr: placeholders(texts.fr) }).toEqual({ code, fr: placeholders(texts.en) });
    }
  });

  it('gives each code to one area only', () => {
    const seen = new Map<string, string>();
    for (const [area, texts] of Object.entries(MESSAGE_AREAS)) {
      for (const code of Object.keys(texts)) {
        expect({ code, also: seen.get(code) ?? null }).toEqual({ code, also: null });
        seen.set(code, area);
      }
    }
    expect(seen.size).toBe(entries.length);
  });

  it('leaves no sentence untranslated (a French text differs from its English one)', () => {
    // "contacts" is the same word in both languages
    const same = entries.filter(([code, t]) => t.fr === t.en && code !== 'recipientsContacts').map(([code]) => code);
    expect(same).toEqual([]);
  });
});

describe('parameters in the reader’s convention', () => {
  it('writes amounts, whole numbers, days, lists and field names the French way, English as the API always wrote it', () => {
    const template = '{field} {amount} {count} {day} {values}';
    const params = { field: fieldName('codeTo'), amount: money(217768624n, 'EUR'), count: 1000000, day: day('2025-06-30'), values: list(['a', 'b'], 'or') };
    expect(fillBoth(template, params)).toEqual({
      en: 'codeTo 2,177,686.24 EUR 1000000 2025-06-30 a or b',
      fr: `« Code client à » 2${NNBSP}177${NNBSP}686,24 EUR 1${NNBSP}000${NNBSP}000 30/06/2025 a ou b`,
    });
  });

  it('names a field it has no label for by its API name, between French quotes', () => {
    expect(fillBoth('{f}', { f: fieldName('dueby') })).toEqual({ en: 'dueby', fr: '« dueby »' });
  });
});

const fillBoth = (template: string, params: Record<string, any>) => ({ en: fill(template, params, 'en'), fr: fill(template, params, 'fr') });

describe('say and translate', () => {
  it('carries the code and parameters, English by default, French on demand', () => {
    const said = say('wholeNumberRange', { field: fieldName('pageSize'), max: 1000 });
    expect(said).toEqual({ code: 'wholeNumberRange', params: expect.any(Object), message: 'pageSize must be a whole number from 1 to 1000' });
    expect(translate(said, 'fr')).toBe(`« taille de page » doit être un nombre entier de 1 à 1${NNBSP}000`);
  });

  it('is what the report criteria give: English messages as before, each with its code', () => {
    const { errors } = parseStatementCriteria({ codeFrom: 'C9', codeTo: 'C1', sort: 'amount' });
    expect(errors.map((e) => [e.path, e.code, e.message])).toEqual([
      [['sort'], 'notOneOfGot', 'sort must be one of name, code, got "amount"'],
      [['codeTo'], 'notBefore', 'codeTo must not be before codeFrom'],
    ]);
    expect(errors.map((e) => translate(e, 'fr'))).toEqual([
      '« Tri » doit valoir l’une de ces valeurs : name, code (reçu « amount »)',
      '« Code client à » ne doit pas précéder « Code client de »',
    ]);
  });
});

describe('an SMTP failure in a clerk’s words', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET', address: '127.0.0.1', port: 2525 });

  it('names the configured server and keeps the cause for whoever fixes it', () => {
    const failure = smtpFailure(refused, { host: 'smtp.example', port: 587 });
    expect(failure.details).toEqual({ code: 'smtpRefused', server: 'smtp.example:587', cause: 'connect ECONNREFUSED 127.0.0.1:2525' });
    expect(failure.said.message).toBe('the email could not be sent: the mail server smtp.example:587 refused the connection');
    expect(translate(failure.said, 'fr')).toBe('l’e-mail n’a pas pu être envoyé : le serveur de messagerie smtp.example:587 a refusé la connexion');
  });

  it.each([
    [{ message: 'getaddrinfo ENOTFOUND mail.nowhere', code: 'EDNS', hostname: 'mail.nowhere' }, 'smtpUnknownHost', 'mail.nowhere'],
    [{ message: 'Greeting never received', code: 'ETIMEDOUT' }, 'smtpNoAnswer', 'SMTP'],
    [{ message: 'Invalid login: 535 Authentication failed', code: 'EAUTH' }, 'smtpLoginRefused', 'SMTP'],
    [{ message: 'Mail command failed: 550 no such user', code: 'EENVELOPE' }, 'smtpRecipientsRefused', 'SMTP'],
    [{ message: 'something else' }, 'smtpFailed', 'SMTP'],
    [refused, 'smtpRefused', '127.0.0.1:2525'],
  ])('%j is %s on %s (no server configured)', (error, code, server) => {
    expect(smtpFailure(error).details).toMatchObject({ code, server });
  });
});

describe('a decision-log entry in the reader’s language', () => {
  const row = (over: Partial<LoggedDecision>): LoggedDecision => ({
    kind: 'write', outcome: 'refused', reason: 'overThreshold', action: 'create', gate: 'invoices', currency: 'EUR', exposureAfterMinor: 710000n, thresholdMinor: 700000n, details: {}, ...over,
  });
  const after = { mode: 'block', threshold: '7000.00', currency: 'EUR' };

  it.each<[string, Partial<LoggedDecision>, string, string]>([
    ['a policy created', { kind: 'policy', outcome: 'recorded', reason: null, details: { before: null, after } }, 'Blocking rules created: block, threshold 7,000.00 EUR', `Règles de blocage créées : blocage, seuil 7${NNBSP}000,00 EUR`],
    ['a policy changed', { kind: 'policy', outcome: 'recorded', reason: null, action: 'update', details: { before: after, after: { ...after, mode: 'alert' } } }, 'Blocking rules changed: alert, threshold 7,000.00 EUR', `Règles de blocage modifiées : alerte, seuil 7${NNBSP}000,00 EUR`],
    ['a policy deleted', { kind: 'policy', outcome: 'recorded', reason: null, action: 'delete', details: { before: after, after: null } }, 'Blocking rules deleted', 'Règles de blocage supprimées'],
    ['a policy gone with its party', { kind: 'policy', outcome: 'recorded', reason: 'partyDeleted', action: 'delete' }, 'Blocking rules deleted with the customer', 'Règles de blocage supprimées avec le client'],
    ['a block', { kind: 'block', outcome: 'recorded', reason: null, action: 'update', details: { reason: 'unpaid since March' } }, 'Blocked for total receivables: unpaid since March', 'Bloqué sur l’encours total : unpaid since March'],
    ['an unblock without a reason', { kind: 'unblock', outcome: 'recorded', reason: null, action: 'update', details: { reason: null } }, 'Unblocked', 'Débloqué'],
    ['a refusal', {}, 'Credit blocked: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold', `Crédit bloqué : l’encours de 7${NNBSP}100,00 EUR dépasse le seuil de 7${NNBSP}000,00 EUR`],
    ['an overridden refusal', { outcome: 'overridden' }, 'Credit blocked: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold', `Crédit bloqué : l’encours de 7${NNBSP}100,00 EUR dépasse le seuil de 7${NNBSP}000,00 EUR`],
    ['a manual block with its note', { reason: 'manualBlock', details: { blockedReason: 'litigation' } }, 'Credit blocked: the customer is blocked for total receivables (litigation)', 'Crédit bloqué : le client est bloqué sur l’encours total (litigation)'],
    ['a missing rate', { reason: 'missingRate', details: { missingRates: ['USD'] } }, 'Credit check impossible: no exchange rate from USD to EUR. Add the rate before saving.', 'Contrôle du crédit impossible : aucun taux de change de USD vers EUR. Ajoutez le taux avant d’enregistrer.'],
  ])('%s', (_name, over, en, fr) => {
    expect({ en: loggedDecisionText(row(over), 'en'), fr: loggedDecisionText(row(over), 'fr') }).toEqual({ en, fr });
  });

  it('is null when the row does not hold what the sentence needs (the stored message stands)', () => {
    expect(loggedDecisionText(row({ reason: 'missingRate', details: {} }), 'fr')).toBeNull();
    expect(loggedDecisionText(row({ reason: 'somethingNew' }), 'fr')).toBeNull();
    expect(loggedDecisionText(row({ kind: 'policy', outcome: 'recorded', reason: null, details: null }), 'fr')).toBeNull();
  });
});
