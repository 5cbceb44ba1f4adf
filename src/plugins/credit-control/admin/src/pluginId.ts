export const PLUGIN_ID = 'credit-control';
