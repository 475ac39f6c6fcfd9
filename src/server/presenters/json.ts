/** Parses a JSON column written by the platform itself (an object); anything else reads as {}. */
export function parseJson(text: string): Record<string, unknown> & { clock?: Record<string, unknown> } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
