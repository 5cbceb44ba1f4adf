import { attributeRow, attributeValue } from '../../../src/plugins/credit-control/server/src/services/raw-rows';

describe('rows read with knex, as the query engine gives them', () => {
  it('turns SQLite 0/1 and Postgres booleans into booleans', () => {
    expect(attributeValue('boolean', 1)).toBe(true);
    expect(attributeValue('boolean', 0)).toBe(false);
    expect(attributeValue('boolean', true)).toBe(true);
    expect(attributeValue('boolean', 'f')).toBe(false);
    expect(attributeValue('boolean', null)).toBeNull();
  });

  it('parses JSON stored as text and keeps parsed JSON', () => {
    expect(attributeValue('json', '["invoice","order"]')).toEqual(['invoice', 'order']);
    expect(attributeValue('json', ['x'])).toEqual(['x']);
  });

  it('gives dates as ISO strings whatever the driver returns', () => {
    const iso = '2026-11-28T10:00:00.000Z';
    expect(attributeValue('datetime', new Date(iso))).toBe(iso);
    expect(attributeValue('datetime', Date.parse(iso))).toBe(iso);
    expect(attributeValue('datetime', 'not a date')).toBeNull();
  });

  it('keeps amounts exactly as the driver gives them', () => {
    expect(attributeValue('decimal', '12345678901234.56')).toBe('12345678901234.56');
    expect(attributeValue('decimal', 10.5)).toBe(10.5);
  });

  it('keys a row by attribute names through the column names', () => {
    const meta = {
      attributes: {
        party: { type: 'string', columnName: 'party' },
        callTaking: { type: 'enumeration', columnName: 'call_taking' },
        group: { type: 'boolean', columnName: 'group' },
        gates: { type: 'json', columnName: 'gates' },
        owner: { type: 'relation' },
      },
    };
    expect(attributeRow(meta, { id: 3, document_id: 'abc', party: 'p1', call_taking: 'none', group: 0, gates: '["order"]', probe: 0 })).toEqual({
      id: 3,
      documentId: 'abc',
      party: 'p1',
      callTaking: 'none',
      group: false,
      gates: ['order'],
    });
  });
});
