// The Node.js versions the platform runs on — package.json's `engines`, set by its strictest
// dependency (Vite and Rolldown: ^20.19.0 || >=22.12.0). Plain JavaScript, so an older Node can
// still run it and say so in Chinese instead of failing somewhere inside a dependency.

/** The supported range, as package.json states it. */
export const SUPPORTED_NODE = '^20.19.0 || >=22.12.0';

/**
 * The Chinese message for a Node.js version the platform does not run on (`process.versions.node`,
 * e.g. '20.18.1'), or null when it does.
 */
export function unsupportedNodeMessage(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
  if (supported) return null;
  return `公开平台需要 Node.js 20.19 或更高的 20.x 版本，或 22.12 及以上版本；当前为 ${version}。请升级 Node.js 后再运行（例如安装最新的 Node.js 20 或 22 长期支持版）。`;
}
