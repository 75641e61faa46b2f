// Where the double of Discourse's navigation (DiscourseURL.routeTo) sends the app: nowhere in
// tests (they read `routedTo()`), the preview's hash router in the preview.
let handler: ((url: string) => void) | undefined;

export function setNavigationHandler(
  value: ((url: string) => void) | undefined
): void {
  handler = value;
}

export function navigateTo(url: string): void {
  handler?.(url);
}
