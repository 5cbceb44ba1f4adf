// The customer's 360 view and dashboard (charts).
export function registerInsights(app: any): void {
  void app;
}

export function bootstrapInsights(app: any): void {
  void app;
}
