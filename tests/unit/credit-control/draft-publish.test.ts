import { leavesPublishedVersion, publishedOnly } from '../../../src/plugins/credit-control/server/src/services/draft-publish';

/** Which document-service calls on a draft & publish type leave the counted (published) version alone. */
const contentTypes: Record<string, unknown> = {
  'api::order-form.order-form': { options: { draftAndPublish: true } },
  'api::bill.bill': { options: { draftAndPublish: false } },
  'api::issue.issue': { options: { draftAndPublish: true } },
};
const strapi: any = { contentType: (uid: string) => contentTypes[uid] };
const mapping: any = { documents: { 'api::order-form.order-form': {}, 'api::bill.bill': {} }, callTaking: { uid: 'api::issue.issue' } };
const skips = (uid: string, action: string, params: Record<string, unknown> = {}) => leavesPublishedVersion(strapi, mapping, { uid, action, params });

describe('draft & publish: what the guard checks', () => {
  it.each([
    ['create', {}, true],
    ['create', { status: 'draft' }, true],
    ['update', {}, true],
    ['clone', {}, true],
    ['discardDraft', {}, true],
    ['create', { status: 'published' }, false],
    ['update', { status: 'published' }, false],
    ['publish', {}, false],
    ['unpublish', {}, false],
    ['delete', {}, false],
  ])('%s %j on a D&P document type: skipped = %s', (action, params, skipped) => {
    expect(skips('api::order-form.order-form', action, params)).toBe(skipped);
  });

  it('checks every write of a type without draft & publish', () => {
    for (const action of ['create', 'update', 'clone', 'delete']) expect(skips('api::bill.bill', action)).toBe(false);
  });

  it('checks the call-taking type at creation, whatever the status', () => {
    expect(skips('api::issue.issue', 'create', { status: 'draft' })).toBe(false);
  });

  it('reads published rows only on D&P types', () => {
    expect(publishedOnly(strapi, 'api::order-form.order-form')).toEqual({ publishedAt: { $notNull: true } });
    expect(publishedOnly(strapi, 'api::bill.bill')).toEqual({});
  });
});
