// Customer actions on the record's edit view (convert, transfer, linked supplier, ...).
export function registerCustomerActions(app: any): void {
  void app;
}
