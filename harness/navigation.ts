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

// DiscourseURL.replaceState: the preview writes the address without routing; tests record it.
let addressHandler: ((url: string) => void) | undefined;

export function setAddressHandler(
  value: ((url: string) => void) | undefined
): void {
  addressHandler = value;
}

export function replaceAddress(url: string): void {
  addressHandler?.(url);
}
