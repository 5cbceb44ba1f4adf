// The sales flow on the edit views of its documents: "make from this one" actions in the header's
// "more" menu (preview before making; the server's refusals as they are), and the chain side panel.
import { AllocateAction } from './actions/AllocateAction';
import { InvoiceAction } from './actions/InvoiceAction';
import { BillingTableAction, CreditNoteAction, DeliverAction, MakeOrderAction } from './actions/passOn';
import { ReviseAction } from './actions/ReviseAction';
import { ChainPanel } from './components/ChainPanel';

export function registerSalesFlow(app: any): void {
  const cm = app.getPlugin('content-manager')?.apis;
  if (!cm) return;
  cm.addDocumentAction([MakeOrderAction, ReviseAction, DeliverAction, BillingTableAction, InvoiceAction, CreditNoteAction, AllocateAction]);
  cm.addEditViewSidePanel([ChainPanel]);
}
