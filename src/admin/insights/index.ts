// The customer's 360 view and dashboard (charts): two admin pages, opened from the record's header.
import { DashboardAction, OverviewAction } from './components/HeaderActions';

export function registerInsights(app: any): void {
  app.router.addRoute([
    { path: 'customer-insights/:documentId/overview', lazy: async () => ({ Component: (await import('./pages/OverviewPage')).default }) },
    { path: 'customer-insights/:documentId/dashboard', lazy: async () => ({ Component: (await import('./pages/DashboardPage')).default }) },
  ]);
}

export function bootstrapInsights(app: any): void {
  app.getPlugin('content-manager')?.apis?.addDocumentHeaderAction([OverviewAction, DashboardAction]);
}
