/** Says once, loudly, when the PostgreSQL half of the data-layer tests does not run. */
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stderr.write(
      '\n⚠ PostgreSQL 测试已跳过：未设置 TEST_DATABASE_URL（如 postgres://postgres@127.0.0.1:5432/test）。只在 SQLite 上运行了数据层测试。\n\n',
    );
  }
}
