import { RECOVERY_INDEMNITY, dunningLines, letterOf, reportFileName, slug, type DunningLevel, type PartyCredits, type ReportLocale } from '../../../src/plugins/credit-control/server/src/core';
import { DEFAULT_LEVELS } from '../../../src/plugins/credit-control/server/src/reports/default-levels';
import { labelsFor } from '../../../src/plugins/credit-control/server/src/reports/labels';
import { escapeHtml, letterEmail, letterFileName, textTable } from '../../../src/plugins/credit-control/server/src/reports/letter-email';
import type { Letter } from '../../../src/plugins/credit-control/server/src/reports/letter-pdf';

describe('report file names', () => {
  it.each([
    [['Relance amiable'], ['C000020', '2026-12-05'], 'relance-amiable-C000020-2026-12-05.pdf'],
    [['Friendly reminder'], ['C000020', '2026-12-05'], 'friendly-reminder-C000020-2026-12-05.pdf'],
    [['Mise en demeure'], ['C001', '2025-06-30'], 'mise-en-demeure-C001-2025-06-30.pdf'],
    [['Aperçu des relances'], ['2025-06-30'], 'apercu-des-relances-2025-06-30.pdf'],
    [['Relevé de compte'], ['2025-06-30'], 'releve-de-compte-2025-06-30.pdf'],
    [['Œuvre « spéciale » : Straße'], [], 'oeuvre-speciale-strasse.pdf'],
    [['', '  ', 'formal'], ['C 01/é"x'], 'formal-C-01-e-x.pdf'], // the first title that leaves a slug; a reference stays ASCII, its case kept
    [['見積'], ['x', null, ''], 'report-x.pdf'],
  ])('%j %j → %s', (titles, refs, expected) => {
    const name = reportFileName(titles, ...refs);
    expect(name).toBe(expected);
    expect(name).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
  });

  it('slugs a label in lower case', () => {
    expect(slug('  Seconde relance : Factures ')).toBe('seconde-relance-factures');
  });
});

const levelsIn = (language: ReportLocale): DunningLevel[] => DEFAULT_LEVELS.filter((l) => l.language === language).map((l) => ({ ...l }));
const AS_OF = '2025-06-30';
const invoice = (number: string, dueDate: string, balanceMinor: bigint, lastRank: number | null = null) => ({
  documentId: number, number, date: '2025-01-10', dueDate, balanceMinor, currency: 'EUR', lastRank, lastReachedOn: lastRank ? '2025-05-01' : null,
});
const HEAD = { name: 'Alpha <Services> & Cie', address: ['1 rue du Port'], city: 'Nantes', lateRatePercent: 12.15 };

/** A letter as the dunning service builds it: lines from the levels, totals from letterOf. */
function letterFor(locale: ReportLocale, o: { professional?: boolean; credits?: PartyCredits; code?: string; body?: string } = {}): Letter {
  const levels = levelsIn(locale).map((l) => (o.body ? { ...l, body: o.body } : l));
  const lines = dunningLines([invoice('F-001', '2025-02-10', 100000n), invoice('F-002', '2025-06-10', 50050n), invoice('F<3>', '2025-06-20', 123456n)], { dueBefore: AS_OF, asOf: AS_OF }, levels);
  const professional = o.professional ?? true;
  const { level, totals } = letterOf(lines, professional ? RECOVERY_INDEMNITY : null, o.credits)!;
  return { party: { documentId: 'p1', code: o.code ?? 'C001', name: 'Zeta', legalName: 'Zeta <SARL>', address: ['2 rue B'], professional, city: 'Brest' }, lines, level, totals };
}
const criteria = (locale: ReportLocale) => ({ locale, asOf: AS_OF, dueBefore: AS_OF, format: 'letter' }) as any;
const emailOf = (locale: ReportLocale, letter = letterFor(locale)) => letterEmail(letter, HEAD, criteria(locale), labelsFor(locale), 'Relance <urgent>');
const visible = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('the dunning email', () => {
  it.each([
    // locale, words the letter must say (in both parts), words of the other language it must not
    ['fr', ['Madame, Monsieur', 'Facture', 'Échéance', 'Jours de retard', 'Total des soldes', 'Indemnité forfaitaire de recouvrement (3 × 40,00 €)', 'Total à régler', 'Vos références client : C001', 'Le service recouvrement', 'pénalités de retard au taux annuel de 12,15'], ['Total due', 'Invoice', 'Dear']],
    ['en', ['Dear Sir or Madam', 'Invoice', 'Due date', 'Days overdue', 'Total balances', 'Fixed recovery indemnity (3 × €40.00)', 'Total due', 'Your customer reference: C001', 'Credit control department', 'annual rate of 12.15%'], ['Total à régler', 'Facture', 'Madame']],
  ] as const)('in %s: the level, the invoices, the totals and the mentions in both parts', (locale, says, never) => {
    const { text, html } = emailOf(locale);
    const shown = visible(html).replace(/\s+/g, ' ');
    const flat = text.replace(/\s+/g, ' ');
    for (const words of says) {
      expect(flat).toContain(words.replace(/\s+/g, ' '));
      expect(shown).toContain(words.replace(/\s+/g, ' '));
    }
    for (const words of never) {
      expect(text).not.toContain(words);
      expect(shown).not.toContain(words);
    }
    for (const number of ['F-001', 'F-002', 'F<3>']) {
      expect(text).toContain(number);
      expect(shown).toContain(number);
    }
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toMatch(/<table[^>]*>[\s\S]*<thead>[\s\S]*<\/table>/);
    expect(text + html).not.toContain('{{');
  });

  it('shows each invoice row and the total claimed as the letter formats them', () => {
    const { text, html } = emailOf('fr');
    // F-001: 140 days at the formal notice's 12.15 %; the total includes interest and 3 × €40
    expect(text).toMatch(/F-001\s+10\/01\/2025\s+10\/02\/2025\s+140\s+1\s000,00\s€\s+46,60\s€/);
    expect(html).toMatch(/<td[^>]*>F-001<\/td><td[^>]*>10\/01\/2025<\/td><td[^>]*>10\/02\/2025<\/td><td[^>]*>140<\/td><td[^>]*>1\s000,00\s€<\/td>/);
    expect(text).toMatch(/Total à régler\s+2\s901,66\s€/);
    expect(html).toMatch(/Total à régler<\/td><td[^>]*>2\s901,66\s€/);
    // {{total}} in the level's body is the amount claimed
    expect(text).toMatch(/la somme de 2\s901,66\s€/);
  });

  it('shows the credit notes and unallocated payments deducted', () => {
    const credits: PartyCredits = new Map([['EUR', { creditNotesMinor: 20000n, unallocatedMinor: 5000n }]]);
    const { text, html } = emailOf('fr', letterFor('fr', { credits }));
    expect(text).toMatch(/Avoirs à déduire\s+-200,00\s€/);
    expect(text).toMatch(/Règlements non affectés\s+-50,00\s€/);
    expect(text).toMatch(/Total à régler\s+2\s651,66\s€/);
    expect(visible(html)).toMatch(/Avoirs à déduire\s+-200,00\s€[\s\S]*Règlements non affectés\s+-50,00\s€[\s\S]*Total à régler\s+2\s651,66\s€/);
  });

  it('gives a private customer neither the indemnity nor the mentions', () => {
    const { text } = emailOf('fr', letterFor('fr', { professional: false }));
    expect(text).not.toContain('Indemnité');
    expect(text).not.toContain('pénalités de retard');
    expect(text).toMatch(/Total à régler\s+2\s781,66\s€/);
  });

  it("renders the user's paragraphs as paragraphs, escaped, single line breaks kept", () => {
    const body = 'Bonjour {{customer}},\n\nLigne un\nligne deux & <b>gras</b>\n\n\nMerci, {{company}} : {{total}}';
    const { text, html } = emailOf('fr', letterFor('fr', { body }));
    expect(html).toContain('<p>Bonjour Zeta &lt;SARL&gt;,</p>');
    expect(html).toContain('<p>Ligne un<br>ligne deux &amp; &lt;b&gt;gras&lt;/b&gt;</p>');
    expect(html).toMatch(/<p>Merci, Alpha &lt;Services&gt; &amp; Cie : 2\s901,66\s€<\/p>/);
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>Relance &lt;urgent&gt;</title>');
    expect(html).toContain('<td style="padding:4px 10px;border-bottom:1px solid #ddd;text-align:left;">F&lt;3&gt;</td>');
    expect(text.startsWith('Bonjour Zeta <SARL>,\n\nLigne un\nligne deux & <b>gras</b>\n\nMerci')).toBe(true);
  });

  it('leaves out the customer reference when the customer has no code', () => {
    const { text, html } = emailOf('en', letterFor('en', { code: '' }));
    expect(text).not.toContain('Your customer reference');
    expect(html).not.toContain('Your customer reference');
  });

  it('aligns the text columns: figures to the right, words to the left', () => {
    const table = textTable({ head: ['N', 'Days', 'Amount'], right: [false, true, true], rows: [['F-1', '5', '€1.00'], ['F-10000', '140', '€1,000.00']] });
    expect(table.split('\n')).toEqual(['N        Days     Amount', '-------  ----  ---------', 'F-1         5      €1.00', 'F-10000   140  €1,000.00']);
  });

  it.each([
    ['a & b', 'a &amp; b'],
    ['<script>"x"</script>', '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'],
    ["l'avoir", 'l&#39;avoir'],
  ])('escapes %s', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it.each([
    ['fr', 'C001', 'mise-en-demeure-C001-2025-06-30.pdf'],
    ['en', 'C001', 'formal-notice-C001-2025-06-30.pdf'],
    ['fr', '', 'mise-en-demeure-p1-2025-06-30.pdf'],
  ] as const)('names the %s letter of customer %j %s', (locale, code, expected) => {
    expect(letterFileName(letterFor(locale, { code }), criteria(locale), 'p1')).toBe(expected);
  });
});
