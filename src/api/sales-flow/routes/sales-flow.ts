/** The sales flow's operations (README, "The sales flow"). */
const post = (path: string, handler: string) => ({ method: 'POST', path, handler: `sales-flow.${handler}`, config: { policies: [] } });

export default {
  routes: [
    post('/quotations/:documentId/order', 'orderFromQuotation'),
    post('/quotations/:documentId/revision', 'reviseQuotation'),
    post('/orders/:documentId/deliveries', 'deliveryFromOrder'),
    post('/orders/:documentId/billing-tables', 'billingTableFromOrder'),
    post('/invoices/from-sources', 'invoiceSources'),
    post('/invoices/:documentId/credit-notes', 'creditNoteFromInvoice'),
    post('/receipts/:documentId/allocations', 'allocate'),
    { method: 'DELETE', path: '/receipts/:documentId/allocations/:invoice', handler: 'sales-flow.unallocate', config: { policies: [] } },
    { method: 'GET', path: '/sales-flow/:type/:documentId/chain', handler: 'sales-flow.chain', config: { policies: [] } },
    post('/maintenance-contracts/:documentId/deliveries', 'deliveryFromContract'),
    post('/contract-billing-runs', 'startContractBilling'),
    post('/projects/:documentId/expenses-rebilling', 'rebillExpenses'),
    post('/projects/:documentId/quotations', 'quoteProject'),
    post('/projects/:documentId/schedule-billing', 'billSchedule'),
    post('/orders/:documentId/supplier-orders', 'purchaseForOrder'),
    post('/orders/:documentId/subcontracting', 'subcontractOrder'),
    post('/training-opportunities/:documentId/deliveries', 'deliverSessions'),
    { method: 'GET', path: '/contract-billing-runs', handler: 'sales-flow.contractBillingRuns', config: { policies: [] } },
    { method: 'GET', path: '/contract-billing-runs/:documentId', handler: 'sales-flow.contractBillingRun', config: { policies: [] } },
  ],
};
