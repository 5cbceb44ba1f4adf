// Customer actions on the record's edit view: entries of the header's "more" menu opening modals,
// the reliability colour badge in the header, and the links panel (affiliation and business links). The record's reports (statement, dunning letter,
// dun by email) are the credit-control plugin's own actions.
import { ConsistencyAction, ManageAccountingAction } from './components/AccountingActions';
import { ConvertAction } from './components/ConvertAction';
import { LinkedObjectsAction } from './components/LinkedObjectsAction';
import { LinkedSupplierAction } from './components/LinkedSupplierAction';
import { LinksPanel } from './components/LinksPanel';
import { NewObjectAction } from './components/NewObjectAction';
import { ReliabilityBadge } from './components/ReliabilityBadge';
import { SireneAction } from './components/SireneAction';
import { TransferAction } from './components/TransferAction';

export function registerCustomerActions(app: any): void {
  const cm = app.getPlugin('content-manager')?.apis;
  if (!cm) return;
  cm.addDocumentHeaderAction([ReliabilityBadge]);
  cm.addEditViewSidePanel([LinksPanel]);
  cm.addDocumentAction([
    ConvertAction,
    TransferAction,
    LinkedSupplierAction,
    SireneAction,
    NewObjectAction,
    LinkedObjectsAction,
    ManageAccountingAction,
    ConsistencyAction,
  ]);
}
