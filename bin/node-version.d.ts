/** The supported range, as package.json states it. */
export const SUPPORTED_NODE: string;
/** The Chinese message for a Node.js version the platform does not run on, or null when it does. */
export function unsupportedNodeMessage(version: string): string | null;
