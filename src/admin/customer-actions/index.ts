// Customer actions on the record's edit view: entries of the header's "more" menu opening modals,
// and the reliability colour badge in the header. The record's reports (statement, dunning letter,
// dun by email) are the credit-control plugin's own actions.
import { ConsistencyAction, ManageAccountingAction } from './components/AccountingActions';
import { ConvertAction } from './components/ConvertAction';
import { LinkedObjectsAction } from './components/LinkedObjectsAction';
import { LinkedSupplierAction } from './components/LinkedSupplierAction';
import { NewObjectAction } from './components/NewObjectAction';
import { ReliabilityBadge } from './components/ReliabilityBadge';
import { SireneAction } from './components/SireneAction';
import { TransferAction } from './components/TransferAction';

export function registerCustomerActions(app: any): void {
  const cm = app.getPlugin('content-manager')?.apis;
  if (!cm) return;
  cm.addDocumentHeaderAction([ReliabilityBadge]);
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
