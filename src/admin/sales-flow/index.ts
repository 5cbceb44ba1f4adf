// The sales flow on the edit views of its documents: "make from this one" actions in the header's
// "more" menu (preview before making; the server's refusals as they are), and the chain side panel.
import { AllocateAction } from './actions/AllocateAction';
import { InvoiceAction } from './actions/InvoiceAction';
import { BillingTableAction, CreditNoteAction, DeliverAction, MakeOrderAction } from './actions/passOn';
import { ReviseAction } from './actions/ReviseAction';
import { BillScheduleAction, ContractDeliveryAction, ExpensesRebillingAction, QuoteScheduleAction, QuoteTasksAction, TrainingDeliveryAction } from './actions/notes';
import { PurchaseAction, SubcontractAction } from './actions/partners';
import { ChainPanel } from './components/ChainPanel';
import { ContractBillingButton } from './components/ContractBillingButton';

export function registerSalesFlow(app: any): void {
  const plugin = app.getPlugin('content-manager');
  const cm = plugin?.apis;
  if (!cm) return;
  cm.addDocumentAction([MakeOrderAction, ReviseAction, DeliverAction, BillingTableAction, InvoiceAction, CreditNoteAction, AllocateAction, ContractDeliveryAction, ExpensesRebillingAction, TrainingDeliveryAction, QuoteTasksAction, QuoteScheduleAction, BillScheduleAction, PurchaseAction, SubcontractAction]);
  cm.addEditViewSidePanel([ChainPanel]);
  plugin.injectComponent('listView', 'actions', { name: 'contract-billing', Component: ContractBillingButton });
}
