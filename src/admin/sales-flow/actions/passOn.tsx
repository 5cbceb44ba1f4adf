// The "make from this document" actions of quotations, orders and invoices.
import { ArrowClockwise, Car, ShoppingCart, Stack } from '@strapi/icons';
import { FLOW_UIDS } from '../flow';
import { passOnAction } from './passOnAction';

export const MakeOrderAction = passOnAction({
  id: 'order', title: 'Make an order', confirm: 'Make the order',
  source: FLOW_UIDS.quotation, target: FLOW_UIDS.order, segment: 'order',
  portions: ['quantity'], fields: ['number', 'date', 'customerReference'], icon: <ShoppingCart />,
});

export const DeliverAction = passOnAction({
  id: 'deliver', title: 'Deliver', confirm: 'Make the delivery',
  source: FLOW_UIDS.order, target: FLOW_UIDS.delivery, segment: 'deliveries',
  portions: ['quantity', 'percentage', 'amount'], fields: ['number', 'date', 'deliveredOn'], icon: <Car />,
});

export const BillingTableAction = passOnAction({
  id: 'billingTable', title: 'Billing table', confirm: 'Make the billing table',
  source: FLOW_UIDS.order, target: FLOW_UIDS.billingTable, segment: 'billing-tables',
  portions: ['quantity', 'percentage', 'amount'], fields: ['number', 'date'], icon: <Stack />,
});

export const CreditNoteAction = passOnAction({
  id: 'creditNote', title: 'Credit note', confirm: 'Make the credit note',
  source: FLOW_UIDS.invoice, target: FLOW_UIDS.invoice, kind: 'creditNote', sourceKind: 'invoice', segment: 'credit-notes',
  portions: ['quantity', 'percentage', 'amount'], fields: ['number', 'date', 'dueDate'], icon: <ArrowClockwise />,
});
