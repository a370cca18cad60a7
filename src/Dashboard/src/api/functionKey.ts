/**
 * The function key in "key" mode. A key inside the static bundle would be
 * public, so the user types it, and it lives in sessionStorage: gone when the
 * tab closes, never written to disk by us.
 */
const STORAGE_KEY = "cvc.functionKey";

export function storedKey(): string | null {
  try { return sessionStorage.getItem(STORAGE_KEY); } catch { return null; }
}

export function storeKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
}

export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
