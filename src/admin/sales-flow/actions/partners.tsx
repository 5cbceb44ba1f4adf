import { PuzzlePiece, ShoppingCart } from '@strapi/icons';
import { FLOW_UIDS } from '../flow';
import { partnerAction } from './partnerAction';

// Part of a customer's order passed to a partner (README, "Purchases", "Sub-contracting inside the group").

export const PurchaseAction = partnerAction({
  id: 'purchase',
  title: 'Buy for this order',
  confirm: 'Make the supplier order',
  intro: 'A supplier order for what is left to buy of each line of this order, at a share of its sale price. Purchases never count in the outstanding amount.',
  partner: { uid: 'api::supplier.supplier', field: 'supplier', label: 'Supplier', labelField: 'callName' },
  segment: 'supplier-orders',
  choice: {
    field: 'purpose',
    label: 'Purpose',
    options: [
      { value: 'resale', label: 'Resale', made: 'api::supplier-order.supplier-order' },
      { value: 'subcontracting', label: 'Sub-contracting', made: 'api::supplier-order.supplier-order' },
    ],
  },
  icon: <ShoppingCart />,
});

export const SubcontractAction = partnerAction({
  id: 'subcontract',
  title: 'Sub-contract in the group',
  confirm: 'Make it',
  intro: 'A quotation or an order for what is left to sub-contract of each line, from the group company that does the work to the internal customer standing for this order’s company.',
  partner: { uid: 'api::company.company', field: 'company', label: 'Company doing the work', labelField: 'name' },
  segment: 'subcontracting',
  choice: {
    field: 'make',
    label: 'Make',
    options: [
      { value: 'quotation', label: 'A quotation', made: FLOW_UIDS.quotation },
      { value: 'order', label: 'An order', made: FLOW_UIDS.order },
    ],
  },
  icon: <PuzzlePiece />,
});
