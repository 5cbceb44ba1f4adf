export interface PartyMapping {
  /** uid of the content type that holds the credit policy (e.g. a customer type) */
  uid: string;
}

export interface DocumentMapping {
  partyField: string;
  amountField: string;
  currencyField?: string;
  bucket: string;
  sign?: 1 | -1;
  gate: string;
}

export interface PluginConfig {
  party: PartyMapping;
  documents: Record<string, DocumentMapping>;
}
