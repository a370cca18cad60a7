/** What a failure says to the user: an Error's message (ApiError's are written for them), else the value as text. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
