/** Shapes and criteria of the plugin's reports API (server/src/core/reports/criteria.ts, controllers/reports, dunning). */
export const STATEMENT_KEYS = ['company', 'division', 'entity', 'codeFrom', 'codeTo', 'from', 'to', 'dueBy', 'paymentsUntil', 'asOf', 'sort', 'locale'] as const;
export type StatementKey = (typeof STATEMENT_KEYS)[number];
export type StatementForm = Record<StatementKey, string>;

export const DUNNING_KEYS = ['dueBefore', 'asOf', 'codeFrom', 'codeTo', 'format', 'locale'] as const;
export type DunningKey = (typeof DUNNING_KEYS)[number];
export type DunningForm = Record<DunningKey, string>;

export const REPORT_LOCALES = ['fr', 'en'];
export const SORTS = ['name', 'code'];
export const FORMATS = ['letter', 'summary'];

/** Today as YYYY-MM-DD in the browser's time zone (the server's default as-of date). */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Criteria as query/body: empty fields left out, so that the server applies its defaults. */
export const filled = <K extends string>(form: Record<K, string>): Partial<Record<K, string>> =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()])) as Partial<Record<K, string>>;

export interface ReportRun {
  id: string;
  kind: 'statement' | 'dunning';
  state: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  sections: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface LetterTotals {
  currency: string;
  balance: string;
  interest: string;
  fee: string;
  total: string;
}

export interface LetterPreview {
  party: { documentId: string; code: string; name: string };
  level: { code: string; name: string; rank: number };
  invoices: { documentId: string; number: string; dueDate: string; daysOverdue: number; level: string; currency: string; balance: string; interest: string }[];
  totals: LetterTotals[];
}

export interface Candidate {
  documentId: string;
  name: string;
  email: string | null;
  roles: string[];
}

export interface DunningRecord {
  id: number;
  invoice: string;
  invoiceNumber: string | null;
  party: string;
  levelCode: string;
  rank: number;
  dunnedAt: string;
  asOf: string;
  daysOverdue: number | null;
  currency: string | null;
  balance: string | number | null;
  interest: string | number | null;
  channel: 'pdf' | 'email';
  recipients: string[] | null;
  runId: string | null;
}

export interface DunningLevelRow {
  code: string;
  name: string;
  rank: number;
  language: string;
}
